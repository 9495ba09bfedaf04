package org.iotplatform.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.IngestionBridge;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.InfluxServer;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.servers.PostgresServer;
import org.iotplatform.servers.RedisServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine. {@link #start()} brings the parts up in dependency order,
 * independent parts in parallel; {@link #close()} stops them in reverse order. Data lives under the
 * var directory, so the next start finds it again.
 */
final class DevStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);
  private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);
  private static final int PARTITIONS = 4;

  /** Databases the services will own, created up front so a service finds its own. */
  static final List<String> DATABASES = List.of("registry", "ota", "alerts");

  private final DevStackOptions options;
  private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
  private final Object closeLock = new Object();
  private volatile boolean closed;
  private final List<ServiceProcess> services = new ArrayList<>();
  private KafkaServer kafka;
  private HiveMqServer hiveMq;
  private PostgresServer postgres;
  private RedisServer redis;
  private InfluxServer influx;

  DevStack(DevStackOptions options) {
    this.options = options;
  }

  /**
   * Starts everything and returns once every part answers. A {@link #close()} from another thread
   * (Ctrl-C during start-up) stops what has started and makes this method fail.
   */
  void start() {
    Path var = options.varDir();
    StackPorts ports = options.ports();
    var kafkaStart = async("kafka", () -> KafkaServer.start(ports.kafka(), var.resolve("kafka")));
    var postgresStart =
        async("postgres", () -> PostgresServer.start(ports.postgres(), var.resolve("postgres")));
    var redisStart = async("redis", () -> RedisServer.start(ports.redis(), var.resolve("redis")));
    var influxStart =
        async("influxdb", () -> InfluxServer.start(ports.influx(), var.resolve("influxdb")));

    RuntimeException failure = null;
    try {
      kafka = register(kafkaStart.join());
      postgres = register(postgresStart.join());
      redis = register(redisStart.join());
      influx = register(influxStart.join());
    } catch (CompletionException e) {
      failure = e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
    if (failure != null) {
      // Register what did start, so close() stops it, then report the first failure.
      for (var future : List.of(kafkaStart, postgresStart, redisStart, influxStart)) {
        future.handle((server, error) -> server).thenAccept(this::registerIfAbsent).join();
      }
      throw failure;
    }
    createTopics();
    DATABASES.forEach(postgres::createDatabase);
    PlatformCa ca = PlatformCa.loadOrCreate(options.caDir(), options.registryDir().resolve("ca"));

    // Service JVMs take longest to start: launch them first, then bring up the broker and the
    // Flink job in this JVM while they boot.
    if (options.services()) {
      for (ServiceSpec spec :
          ServiceCatalog.services(
              ports, kafka.bootstrapServers(), postgres, redis.uri(), options.registryDir(), ca)) {
        ServiceProcess process =
            ServiceProcess.start(
                spec, options.serviceJar(spec.name()), options.serviceJvmOptions(), logDir());
        services.add(register(process));
      }
    }
    hiveMq =
        register(
            HiveMqServer.builder()
                .mqttPort(ports.mqtt())
                .dataDir(var.resolve("hivemq"))
                .persistence(HiveMqServer.Persistence.FILE)
                // Devices with a certificate of the CA (or a token) over TLS.
                .tls(BrokerTls.listener(ca, options.caDir().resolve("broker"), ports.mqttTls()))
                .extension(
                    IngestionBridge.embeddedExtension(
                        // Devices authenticate with a token from the registry (ADR 0006).
                        BridgeConfig.defaults(kafka.bootstrapServers())
                            .withAuth(
                                BridgeConfig.Auth.defaults()
                                    .withMode(BridgeConfig.AuthMode.CREDENTIALS))))
                .start());
    if (options.flink()) {
      JobClient storage =
          FlinkJobs.startTelemetryStorage(
              kafka.bootstrapServers(), influx.url(), redis.uri(), var.resolve("flink"));
      register(() -> FlinkJobs.stop(storage));
      JobClient anomalies =
          FlinkJobs.startAnomalyDetection(kafka.bootstrapServers(), var.resolve("flink-anomaly"));
      register(() -> FlinkJobs.stop(anomalies));
      JobClient alerts =
          FlinkJobs.startAlertEvaluation(kafka.bootstrapServers(), var.resolve("flink-alerts"));
      register(() -> FlinkJobs.stop(alerts));
    }
    for (ServiceProcess service : services) {
      service.awaitHealthy(SERVICE_START_TIMEOUT, () -> closed);
    }
    startFleet();
  }

  private void startFleet() {
    if (!options.services() || options.fleetDevices() == 0) {
      return;
    }
    Optional<String> adminKey = adminApiKey();
    if (adminKey.isEmpty()) {
      LOG.warn("no admin API key in {}: the simulated fleet does not run", options.adminKeyFile());
      return;
    }
    register(
        DemoFleet.start(
            options.fleetDevices(),
            URI.create("http://127.0.0.1:" + options.ports().registry()),
            adminKey.get(),
            options.simulatorDir(),
            options.ports().mqtt()));
  }

  /** Whether {@link #close()} has been called. */
  boolean isStopping() {
    return closed;
  }

  /** What a user connects to, in the order the README lists them. */
  Map<String, String> endpoints() {
    var endpoints = new java.util.LinkedHashMap<String, String>();
    endpoints.put("MQTT (devices, tokens)", hiveMq.mqttUri());
    endpoints.put(
        "MQTT over TLS (devices)",
        hiveMq.tlsUri() + " (CA: " + options.caDir().resolve(PlatformCa.CERTIFICATE_FILE) + ")");
    for (ServiceProcess service : services) {
      endpoints.put(service.spec().name(), service.baseUri() + " (OpenAPI: /v3/api-docs)");
    }
    endpoints.put("Kafka", kafka.bootstrapServers());
    endpoints.put("InfluxDB (v1 API)", influx.url());
    endpoints.put("PostgreSQL", postgres.jdbcUrl("postgres") + " (user " + postgres.user() + ")");
    endpoints.put("Redis", redis.uri());
    if (options.services() && options.fleetDevices() > 0) {
      endpoints.put(
          "Simulated fleet",
          options.fleetDevices()
              + " devices (demo-thermostat-00001, demo-meter-00001, ...) every "
              + DemoFleet.INTERVAL.toSeconds()
              + " s;"
              + " --no-fleet turns it off");
    }
    endpoints.put("Logs", logDir().toString());
    return endpoints;
  }

  /**
   * The admin API key of the tenant {@code default} that the registry wrote at start-up, or empty
   * when the services do not run.
   */
  Optional<String> adminApiKey() {
    Path file = options.adminKeyFile();
    if (!options.services() || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file).strip());
    } catch (IOException e) {
      LOG.warn("cannot read the admin API key from {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  /** Process ids of the child JVMs, for the memory figure of the benchmark. */
  List<Long> servicePids() {
    return services.stream().map(ServiceProcess::pid).toList();
  }

  private Path logDir() {
    return options.varDir().resolve("logs");
  }

  private void createTopics() {
    List<NewTopic> topics = new ArrayList<>();
    for (String name :
        List.of(
            KafkaTopics.TELEMETRY,
            KafkaTopics.DEVICE_EVENTS,
            KafkaTopics.SHADOW,
            KafkaTopics.SHADOW_CHANGES,
            KafkaTopics.DOWNLINK,
            KafkaTopics.ALERTS,
            KafkaTopics.ANOMALY_SCORES,
            KafkaTopics.OTA,
            KafkaTopics.TELEMETRY_DLQ)) {
      topics.add(new NewTopic(name, PARTITIONS, (short) 1));
    }
    for (String compacted :
        List.of(KafkaTopics.DEVICES, KafkaTopics.DEVICE_TYPES, KafkaTopics.ALERT_RULES)) {
      topics.add(
          new NewTopic(compacted, PARTITIONS, (short) 1)
              .configs(Map.of("cleanup.policy", "compact")));
    }
    kafka.createTopics(topics);
  }

  private <T extends AutoCloseable> T register(T part) {
    started.push(part);
    if (closed) {
      // close() ran while this part was starting: stop it too.
      close();
      throw new IllegalStateException("stopped while starting");
    }
    return part;
  }

  private static <T> CompletableFuture<T> async(String name, Supplier<T> start) {
    return CompletableFuture.supplyAsync(
        () -> {
          long begin = System.nanoTime();
          T server = start.get();
          LOG.info("{} ready in {} ms", name, (System.nanoTime() - begin) / 1_000_000);
          return server;
        });
  }

  private void registerIfAbsent(AutoCloseable server) {
    if (server != null && !started.contains(server)) {
      started.push(server);
    }
  }

  /** Stops every part that was started, last first; failures are logged, not thrown. */
  @Override
  public void close() {
    closed = true;
    synchronized (closeLock) {
      AutoCloseable part;
      while ((part = started.poll()) != null) {
        try {
          part.close();
        } catch (Exception e) {
          LOG.warn("failed to stop {}: {}", part, e.toString());
        }
      }
    }
  }
}
