package org.iotplatform.simulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.sdk.Qos;
import org.iotplatform.simulator.profile.ProfileKind;
import org.iotplatform.simulator.profile.SignalSettings;
import org.iotplatform.simulator.provision.CredentialKind;
import org.iotplatform.simulator.provision.CredentialStore;
import org.iotplatform.simulator.provision.ProvisioningException;
import org.iotplatform.simulator.provision.ProvisioningPlan;
import org.iotplatform.simulator.provision.RegistryProvisioner;
import org.iotplatform.simulator.stats.ProgressReporter;
import org.iotplatform.simulator.stats.Summary;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code simulate}: provisions a fleet, runs it for a while and prints its summary. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a simulated device fleet against the platform's MQTT brokers.",
      "Exit codes: 0 done, 1 provisioning or configuration failed, 2 bad options,"
          + " 3 no device could connect."
    })
final class SimulateCommand implements Callable<Integer> {

  /** The admin key file that {@code ./iot up} leaves, used when no key is given. */
  static final Path DEV_STACK_ADMIN_KEY = Path.of("var", "registry", "admin-api-key");

  static final int EXIT_FAILED = 1;
  static final int EXIT_NONE_CONNECTED = 3;

  @Spec @Nullable CommandSpec spec;

  @Option(
      names = "--devices",
      defaultValue = "100",
      description = "Devices (default ${DEFAULT-VALUE}).")
  int devices;

  @Option(
      names = "--interval",
      defaultValue = "10s",
      description = "Each device publishes every ... (default ${DEFAULT-VALUE}).")
  Duration interval = Duration.ZERO;

  @Option(
      names = "--profile",
      defaultValue = "thermostat",
      description = "thermostat, meter or tracker (default ${DEFAULT-VALUE}).")
  ProfileKind profile = ProfileKind.THERMOSTAT;

  @Option(names = "--qos", defaultValue = "1", description = "0 or 1 (default ${DEFAULT-VALUE}).")
  int qos;

  @Option(
      names = "--duration",
      defaultValue = "0",
      description = "How long to run; 0: until Ctrl-C (default ${DEFAULT-VALUE}).")
  Duration duration = Duration.ZERO;

  @Option(
      names = "--ramp",
      defaultValue = "60s",
      description = "Devices start evenly spread over ... (default ${DEFAULT-VALUE}).")
  Duration ramp = Duration.ZERO;

  @Option(
      names = "--broker",
      defaultValue = "127.0.0.1:11883",
      description = "MQTT broker host:port; repeat for several (default ${DEFAULT-VALUE}).")
  List<Endpoint> brokers = List.of();

  @Option(
      names = "--tls-ca",
      description = "PEM of the CA of the brokers' certificates: connect with TLS.")
  @Nullable Path tlsCa;

  @Option(
      names = "--credentials",
      defaultValue = "token",
      description = "token or certificate (default ${DEFAULT-VALUE}).")
  CredentialKind credentials = CredentialKind.TOKEN;

  @Option(
      names = "--registry",
      defaultValue = "http://127.0.0.1:18081",
      description = "The device registry (default ${DEFAULT-VALUE}).")
  URI registry = URI.create("http://127.0.0.1:18081");

  @Option(names = "--api-key", description = "An operator API key (iotk_...).")
  @Nullable String apiKey;

  @Option(
      names = "--api-key-file",
      description = "A file holding the API key (default: var/registry/admin-api-key if present).")
  @Nullable Path apiKeyFile;

  @Option(
      names = "--device-prefix",
      defaultValue = "sim-",
      description = "Device ids are <prefix>00001... (default ${DEFAULT-VALUE}).")
  String devicePrefix = "sim-";

  @Option(names = "--device-type", description = "Device type (default: sim-<profile>).")
  @Nullable String deviceType;

  @Option(
      names = "--state-dir",
      defaultValue = "var/simulator",
      description = "Where credentials are cached (default ${DEFAULT-VALUE}).")
  Path stateDir = Path.of("var", "simulator");

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Signal seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--summary-json", description = "Also write the summary to this JSON file.")
  @Nullable Path summaryJson;

  @Option(names = "--no-provision", description = "Use cached credentials only.")
  boolean noProvision;

  @Option(names = "--reprovision", description = "Issue new credentials even if cached.")
  boolean reprovision;

  @Option(
      names = "--offline-buffer",
      defaultValue = "1000",
      description = "Messages each device buffers while offline (default ${DEFAULT-VALUE}).")
  int offlineBuffer;

  @Option(
      names = "--progress",
      defaultValue = "5s",
      description = "Progress line every ... (default ${DEFAULT-VALUE}).")
  Duration progress = Duration.ZERO;

  @Option(
      names = "--heartbeat",
      defaultValue = "60s",
      description = "Status heartbeat every ... (default ${DEFAULT-VALUE}).")
  Duration heartbeat = Duration.ZERO;

  @Option(
      names = "--spike-probability",
      defaultValue = "0.002",
      description = "Chance that a reading is an out-of-range spike (default ${DEFAULT-VALUE}).")
  double spikeProbability;

  @Option(
      names = "--outages-per-hour",
      defaultValue = "0.01",
      description = "Chance per device and hour of going offline (default ${DEFAULT-VALUE}).")
  double outagesPerHour;

  @Option(
      names = "--outage-min",
      defaultValue = "1m",
      description = "Shortest outage (default ${DEFAULT-VALUE}).")
  Duration outageMin = Duration.ZERO;

  @Option(
      names = "--outage-max",
      defaultValue = "5m",
      description = "Longest outage (default ${DEFAULT-VALUE}).")
  Duration outageMax = Duration.ZERO;

  @Option(
      names = "--threads",
      description = "Scheduler threads shared by all devices (default: processors, at least 2).")
  @Nullable Integer threads;

  @Option(
      names = "--provision-concurrency",
      defaultValue = "16",
      description = "Credential requests at once (default ${DEFAULT-VALUE}).")
  int provisionConcurrency;

  @Override
  public Integer call() {
    SimulationConfig config = config();
    PrintWriter out = spec().commandLine().getOut();
    PrintWriter err = spec().commandLine().getErr();
    List<DeviceCredential> fleet;
    try {
      fleet = credentials();
    } catch (ProvisioningException | UncheckedIOException e) {
      err.println("provisioning failed: " + e.getMessage());
      return EXIT_FAILED;
    }
    out.println(
        "simulating "
            + fleet.size()
            + " "
            + config.profile().label()
            + " devices on "
            + config.brokers()
            + ", one message every "
            + config.interval().toMillis()
            + " ms each");
    out.flush();
    RunningSimulation running = new FleetSimulation(config, fleet).start();
    ProgressReporter reporter =
        new ProgressReporter(running.stats(), out, System.console() != null);
    reporter.start(progress);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    // Ctrl-C ends the JVM: the hook prints the summary then, as the normal end does.
    Thread onCtrlC =
        new Thread(() -> finish(running, reporter, out, err, finished), "simulator-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      if (duration.isZero()) {
        stopped.await();
      } else {
        stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    finish(running, reporter, out, err, finished);
    try {
      Runtime.getRuntime().removeShutdownHook(onCtrlC);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting already; the hook has run or runs.
    }
    if (running.stats().connects() == 0) {
      String reason =
          running.stats().firstError() != null
              ? running.stats().firstError()
              : running.stats().firstConnectFailure();
      err.println("no device could connect" + (reason == null ? "" : ": " + reason));
      return EXIT_NONE_CONNECTED;
    }
    return 0;
  }

  /** The simulation's configuration from the options. */
  SimulationConfig config() {
    if (devices < 1) {
      throw parameterError("--devices must be at least 1, not " + devices);
    }
    if (noProvision && reprovision) {
      throw parameterError("--no-provision and --reprovision exclude each other");
    }
    try {
      return new SimulationConfig(
          brokers,
          tlsCa,
          profile,
          interval,
          Qos.of(qos),
          ramp,
          seed,
          new SignalSettings(spikeProbability, outagesPerHour, outageMin, outageMax),
          offlineBuffer,
          heartbeat,
          threads != null ? threads : Math.max(2, Runtime.getRuntime().availableProcessors()));
    } catch (IllegalArgumentException e) {
      throw parameterError(e.getMessage());
    }
  }

  /** The device type: the option, or {@code sim-<profile>}. */
  String deviceType() {
    return deviceType != null ? deviceType : "sim-" + profile.label();
  }

  private List<DeviceCredential> credentials() {
    List<String> ids = FleetSimulation.deviceIds(devicePrefix, devices);
    CredentialStore store = CredentialStore.forRegistry(stateDir, registry);
    if (noProvision) {
      return RegistryProvisioner.cached(store, ids, credentials);
    }
    RegistryProvisioner provisioner =
        new RegistryProvisioner(registry, apiKey(), store, provisionConcurrency);
    return provisioner.provision(
        new ProvisioningPlan(ids, deviceType(), profile.units(), credentials, reprovision));
  }

  /** The API key: the option, else the key file's content, else the dev stack's key file. */
  String apiKey() {
    if (apiKey != null && apiKeyFile != null) {
      throw parameterError("give --api-key or --api-key-file, not both");
    }
    if (apiKey != null) {
      return apiKey;
    }
    Path file = apiKeyFile != null ? apiKeyFile : DEV_STACK_ADMIN_KEY;
    if (apiKeyFile == null && !Files.isRegularFile(file)) {
      throw new ProvisioningException(
          "no API key: give --api-key or --api-key-file (or run from the directory of ./iot up,"
              + " whose "
              + DEV_STACK_ADMIN_KEY
              + " is used by default), or use --no-provision");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the API key file " + file, e);
    }
  }

  private @Nullable Summary finish(
      RunningSimulation running,
      ProgressReporter reporter,
      PrintWriter out,
      PrintWriter err,
      AtomicBoolean finished) {
    if (!finished.compareAndSet(false, true)) {
      return null;
    }
    reporter.close();
    Summary summary = running.summary();
    running.close();
    out.println(summary.toLine());
    out.flush();
    if (summaryJson != null) {
      try {
        Files.writeString(summaryJson, summary.toJson() + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("cannot write " + summaryJson + ": " + e.getMessage());
        err.flush();
      }
    }
    return summary;
  }

  private ParameterException parameterError(String message) {
    return new ParameterException(spec().commandLine(), message);
  }

  private CommandSpec spec() {
    CommandSpec current = spec;
    if (current == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return current;
  }
}
