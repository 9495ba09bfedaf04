package org.iotplatform.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.simulator.DeviceCredential;
import org.iotplatform.simulator.Durations;
import org.iotplatform.simulator.FleetSimulation;
import org.iotplatform.simulator.RunningSimulation;
import org.iotplatform.simulator.SimulationConfig;
import org.iotplatform.simulator.profile.SignalSettings;
import org.iotplatform.simulator.stats.SimulationStats;
import org.iotplatform.simulator.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's benchmark: what one fleet simulator process drives on this machine, so that later
 * benchmarks know the load generator is not their bottleneck. Printed as two tables (and written to
 * {@code target/bench/simulator.md}):
 *
 * <ol>
 *   <li>connections: many devices publishing slowly (every 10 s): how many connect, how long they
 *       take over the ramp, the heap each costs (the summary's {@code heap_per_device_kb}) and the
 *       simulator's CPU;
 *   <li>msg/s: a fleet at shorter and shorter intervals until the acknowledged rate falls below 95
 *       % of the offered one or publishes fail: offered, sent and acknowledged msg/s over a steady
 *       window after the ramp, publish → PUBACK p50/p99 in that window, and the CPU of the
 *       simulator and of the broker.
 * </ol>
 *
 * <p>The broker is bare HiveMQ CE (no bridge: it authenticates nobody and acknowledges at once) in
 * a JVM of its own ({@link BrokerProcess}), so the figures are the simulator's as far as two shared
 * cores allow; the simulator runs here through {@link FleetSimulation} with made-up tokens, QoS 1,
 * no spikes or outages. Tuning: {@code -Dbench.sim.connections=10000 -Dbench.sim.devices=10000
 * -Dbench.sim.intervals=2s,1s,750ms,500ms,250ms,100ms -Dbench.sim.ramp=20s -Dbench.sim.window=20s}
 * (an empty interval list skips the msg/s part).
 */
class SimulatorBenchmark {

  private static final Path OUT = Path.of("target", "bench");
  private static final Duration SLOW_INTERVAL = Duration.ofSeconds(10);
  private static final double KEEPS_UP = 0.95;
  private static final Pattern FIELD = Pattern.compile("(sent|errors|dropped|p50|p99)=([\\d.]+)");

  private final List<String> rows = new ArrayList<>();

  @Test
  void simulator() throws Exception {
    int connections = Integer.getInteger("bench.sim.connections", 10_000);
    int devices = Integer.getInteger("bench.sim.devices", 10_000);
    List<Duration> intervals =
        Arrays.stream(
                System.getProperty("bench.sim.intervals", "2s,1s,750ms,500ms,250ms,100ms")
                    .split(","))
            .filter(text -> !text.isBlank())
            .map(Durations::parse)
            .toList();
    Duration ramp = Durations.parse(System.getProperty("bench.sim.ramp", "20s"));
    Duration window = Durations.parse(System.getProperty("bench.sim.window", "20s"));

    String loadBefore = loadAverage();
    try (BrokerProcess broker = BrokerProcess.start("simulator-bare", null, OUT)) {
      ProcessCpu brokerCpu = ProcessCpu.broker();
      Endpoint endpoint = new Endpoint("127.0.0.1", broker.port());

      row(
          "| devices | connected | ramp | all connected after | heap per device | heap with devices | msg/s acked (offered) | simulator CPU | broker CPU |");
      row("|---|---|---|---|---|---|---|---|---|");
      Step idle = step("conn", connections, SLOW_INTERVAL, ramp, window, endpoint, brokerCpu);
      row(
          "| %,d | %,d | %d s | %s | %.1f KiB | %,.0f MiB | %,.0f (%,.0f) | %s | %s |"
              .formatted(
                  connections,
                  idle.connected(),
                  ramp.toSeconds(),
                  idle.connectSeconds() < 0
                      ? "not all: " + idle.connectFailure()
                      : "%.1f s".formatted(idle.connectSeconds()),
                  idle.summary().heapPerDeviceKb(),
                  idle.summary().heapMb(),
                  idle.window().ackedPerSecond(),
                  idle.offered(),
                  cores(idle.window().simulatorCores()),
                  cores(idle.window().brokerCores())));
      assertThat(idle.connected()).as("devices connected").isPositive();

      row("");
      row(
          "| devices | interval | offered msg/s | sent msg/s | acked msg/s | acked / offered | p50 ms | p99 ms | errors | dropped | simulator CPU | broker CPU |");
      row("|---|---|---|---|---|---|---|---|---|---|---|---|");
      for (Duration interval : intervals) {
        Step rate = step("rate", devices, interval, ramp, window, endpoint, brokerCpu);
        Window measured = rate.window();
        double share = measured.ackedPerSecond() / rate.offered();
        row(
            "| %,d | %d ms | %,.0f | %,.0f | %,.0f | %.0f %% | %,.1f | %,.1f | %d | %d | %s | %s |"
                .formatted(
                    rate.connected(),
                    interval.toMillis(),
                    rate.offered(),
                    measured.sentPerSecond(),
                    measured.ackedPerSecond(),
                    100 * share,
                    measured.p50Millis(),
                    measured.p99Millis(),
                    measured.errors(),
                    measured.dropped(),
                    cores(measured.simulatorCores()),
                    cores(measured.brokerCores())));
        if (share < KEEPS_UP || measured.errors() > 0 || measured.dropped() > 0) {
          break; // past what one process drives: shorter intervals only fall further behind
        }
      }
    }

    // Two shared cores: what else ran decides how far the figures can be trusted.
    row("");
    row("load average (1, 5, 15 min) before: %s; after: %s".formatted(loadBefore, loadAverage()));
    String table = String.join("\n", rows) + "\n";
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("simulator.md"), table);
    System.out.println("\n" + table);
  }

  /**
   * Runs one fleet: starts it over the ramp, waits until every device connected (or gives up a
   * minute after the ramp), lets every device's publishing start, then measures one window.
   */
  private static Step step(
      String label,
      int devices,
      Duration interval,
      Duration ramp,
      Duration window,
      Endpoint broker,
      ProcessCpu brokerCpu) {
    String prefix = "bench-sim-%s-%d-".formatted(label, interval.toMillis());
    List<DeviceCredential> credentials =
        FleetSimulation.deviceIds(prefix, devices).stream()
            .<DeviceCredential>map(id -> new DeviceCredential.Token(id, "bench-token"))
            .toList();
    SimulationConfig config =
        SimulationConfig.defaults(List.of(broker))
            .withInterval(interval)
            .withRamp(ramp)
            .withSignals(SignalSettings.QUIET);
    long start = System.nanoTime();
    try (RunningSimulation fleet = new FleetSimulation(config, credentials).start()) {
      SimulationStats stats = fleet.stats();
      double connectSeconds;
      try {
        await()
            .atMost(ramp.plusMinutes(1))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> stats.connectedNow() >= devices);
        connectSeconds = (System.nanoTime() - start) / 1e9;
      } catch (ConditionTimeoutException e) {
        connectSeconds = -1;
      }
      // Each device's first publish comes within one interval of its connect; the heap is
      // measured (a full GC) within a second of the last connect.
      pause(max(interval.multipliedBy(2), Duration.ofSeconds(5)));
      Window measured = Window.measure(stats, window, brokerCpu);
      Summary summary = fleet.summary();
      System.out.printf(Locale.ROOT, "%s, %s: %s%n", label, interval, summary.toLine());
      String failure = stats.firstConnectFailure();
      return new Step(
          stats.connectedNow(),
          connectSeconds,
          failure == null ? "" : failure,
          devices * 1000.0 / interval.toMillis(),
          measured,
          summary);
    }
  }

  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return String.join(" ", fields[0], fields[1], fields[2]);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Lets time pass (a warm-up, a measuring window): nothing to wait for but the clock. */
  private static void pause(Duration duration) {
    await()
        .pollDelay(duration)
        .atMost(duration.plusSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> true);
  }

  private static String cores(double cores) {
    return "%.0f %%".formatted(100 * cores);
  }

  private void row(String row) {
    rows.add(row);
    System.out.println(row);
  }

  /**
   * One fleet's figures.
   *
   * @param connected devices connected at the end of the window
   * @param connectSeconds from the start until all were connected; -1 if not all did
   * @param connectFailure why the first failed connection attempt failed, or empty
   * @param offered devices ÷ interval
   * @param window the steady window
   * @param summary the simulator's summary at the end (heap per device)
   */
  private record Step(
      int connected,
      double connectSeconds,
      String connectFailure,
      double offered,
      Window window,
      Summary summary) {}

  /**
   * The rates, latencies and CPU of one window: differences of the counters from its start to its
   * end, not totals since the fleet started.
   */
  private record Window(
      double sentPerSecond,
      double ackedPerSecond,
      double p50Millis,
      double p99Millis,
      long errors,
      long dropped,
      double simulatorCores,
      double brokerCores) {

    static Window measure(SimulationStats stats, Duration window, ProcessCpu brokerCpu) {
      // A progress line drains the latency histogram: the next one covers this window only.
      String before = stats.progressLine();
      long ackedBefore = stats.ackedSoFar();
      ProcessCpu simulatorCpu = ProcessCpu.self();
      brokerCpu.mark();
      long start = System.nanoTime();
      pause(window);
      String after = stats.progressLine();
      long ackedAfter = stats.ackedSoFar();
      double seconds = (System.nanoTime() - start) / 1e9;
      double simulator = simulatorCpu.coresSinceMark();
      double brokerCores = brokerCpu.coresSinceMark();
      return new Window(
          (field(after, "sent") - field(before, "sent")) / seconds,
          (ackedAfter - ackedBefore) / seconds,
          field(after, "p50"),
          field(after, "p99"),
          (long) (field(after, "errors") - field(before, "errors")),
          (long) (field(after, "dropped") - field(before, "dropped")),
          simulator,
          brokerCores);
    }

    /** A number of a progress line: {@code connected=.. sent=5123 .. p50=1.9ms p99=8.4ms}. */
    private static double field(String line, String name) {
      Matcher matcher = FIELD.matcher(line);
      while (matcher.find()) {
        if (matcher.group(1).equals(name)) {
          return Double.parseDouble(matcher.group(2));
        }
      }
      throw new IllegalStateException("no " + name + " in the progress line: " + line);
    }
  }
}
