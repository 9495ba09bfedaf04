package org.iotplatform.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./iot up}: runs the whole platform on this machine until Ctrl-C. */
@Command(
    name = "iot up",
    mixinStandardHelpOptions = true,
    description = "Runs the whole IoT platform on this machine. Ctrl-C stops everything.")
public final class IotUp implements Callable<Integer> {

  private static final StackPorts DEFAULT_PORTS = StackPorts.defaults();

  @Option(
      names = "--var",
      description = "Folder for all data and logs (default: var/ in the checkout).")
  private Path varDir;

  @Option(
      names = "--mqtt-port",
      description = "Plain MQTT port for devices with tokens (default: ${DEFAULT-VALUE}).")
  private int mqttPort = DEFAULT_PORTS.mqtt();

  @Option(
      names = "--mqtt-tls-port",
      description =
          "MQTT over TLS port for devices with a certificate of var/ca or a token"
              + " (default: ${DEFAULT-VALUE}).")
  private int mqttTlsPort = DEFAULT_PORTS.mqttTls();

  @Option(names = "--kafka-port", description = "Kafka port (default: ${DEFAULT-VALUE}).")
  private int kafkaPort = DEFAULT_PORTS.kafka();

  @Option(names = "--postgres-port", description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
  private int postgresPort = DEFAULT_PORTS.postgres();

  @Option(names = "--redis-port", description = "Redis port (default: ${DEFAULT-VALUE}).")
  private int redisPort = DEFAULT_PORTS.redis();

  @Option(names = "--influx-port", description = "InfluxDB port (default: ${DEFAULT-VALUE}).")
  private int influxPort = DEFAULT_PORTS.influx();

  @Option(
      names = "--service-ports",
      split = ",",
      description =
          "Ports of query-api, registry, shadow, ota, alerts, edge-gateway"
              + " (default: 18080,18081,18082,18083,18084,18085).")
  private List<Integer> servicePorts =
      List.of(
          DEFAULT_PORTS.queryApi(),
          DEFAULT_PORTS.registry(),
          DEFAULT_PORTS.shadow(),
          DEFAULT_PORTS.ota(),
          DEFAULT_PORTS.alerts(),
          DEFAULT_PORTS.edgeGateway());

  @Option(names = "--no-services", description = "Start only the brokers, stores and Flink jobs.")
  private boolean noServices;

  @Option(names = "--no-flink", description = "Do not run the Flink jobs.")
  private boolean noFlink;

  @Option(
      names = "--fleet",
      description =
          "How many simulated devices publish, so the dashboard is alive (default: ${DEFAULT-VALUE}).")
  private int fleet = DevStackOptions.DEFAULT_FLEET_DEVICES;

  @Option(names = "--no-fleet", description = "Run no simulated devices (same as --fleet 0).")
  private boolean noFleet;

  @Option(
      names = "--exit-when-ready",
      hidden = true,
      description = "Stop again as soon as everything is up (for benchmarks and tests).")
  private boolean exitWhenReady;

  public static void main(String[] args) {
    System.exit(new CommandLine(new IotUp()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    long begin = System.nanoTime();
    Path home = Path.of(System.getProperty("iot.home", ".")).toAbsolutePath().normalize();
    DevStackOptions options =
        new DevStackOptions(
            home,
            varDir != null ? varDir.toAbsolutePath() : home.resolve("var"),
            ports(),
            !noServices,
            !noFlink,
            noFleet ? 0 : fleet,
            DevStackOptions.DEFAULT_SERVICE_JVM_OPTIONS);
    DevStack stack = new DevStack(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown =
        new Thread(
            () -> {
              System.out.println("\niot: stopping ...");
              stack.close();
              System.out.println("iot: stopped.");
              stopped.countDown();
            },
            "iot-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    try {
      stack.start();
    } catch (RuntimeException e) {
      if (stack.isStopping()) {
        return 130; // stopped by Ctrl-C while starting
      }
      System.err.println("iot: start-up failed: " + e.getMessage());
      return 1; // the shutdown hook stops what did start
    }
    long millis = (System.nanoTime() - begin) / 1_000_000;
    printEndpoints(stack.endpoints(), millis, stack.servicePids());
    stack
        .adminApiKey()
        .ifPresent(key -> printAdminKey(key, options.adminKeyFile(), options.ports().registry()));
    System.out.println("iot: try scripts/smoke.sh; Ctrl-C stops everything");
    if (exitWhenReady) {
      return 0;
    }
    stopped.await();
    return 0;
  }

  private StackPorts ports() {
    if (servicePorts.size() != 6) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--service-ports takes six ports");
    }
    return new StackPorts(
        mqttPort,
        mqttTlsPort,
        kafkaPort,
        postgresPort,
        redisPort,
        influxPort,
        servicePorts.get(0),
        servicePorts.get(1),
        servicePorts.get(2),
        servicePorts.get(3),
        servicePorts.get(4),
        servicePorts.get(5));
  }

  private static void printAdminKey(String key, Path file, int registryPort) {
    System.out.printf(
        "iot: admin API key of tenant default: %s (kept in %s)%n"
            + "iot: get a token: curl -s -X POST http://127.0.0.1:%d/api/v1/auth/token"
            + " -H 'Content-Type: application/json' -d '{\"apiKey\":\"%s\"}'%n",
        key, file, registryPort, key);
  }

  private static void printEndpoints(Map<String, String> endpoints, long millis, List<Long> pids) {
    StringBuilder out = new StringBuilder("\niot: the platform is up\n");
    endpoints.forEach((name, value) -> out.append(String.format("  %-26s %s%n", name, value)));
    out.append(
        String.format(
            "iot: ready in %.1f s (launcher pid %d, service pids %s)%n",
            millis / 1000.0, ProcessHandle.current().pid(), pids));
    System.out.print(out);
  }
}
