package org.iotplatform.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.servers.RedisServer;
import org.iotplatform.testsupport.ServiceJarProcess;
import org.iotplatform.testsupport.TestJwts;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's benchmark: an operator's desired update (REST PATCH) to the delta received by the
 * device over MQTT, with 10,000 devices connected, and the updates a second the shadow service
 * sustains. Printed as a table (and written to {@code target/bench/shadow.md}) and one {@code
 * SHADOW BENCHMARK key=value ...} line.
 *
 * <p>The whole path runs as deployed: the shadow service's jar in a JVM of its own ({@link
 * ServiceJarProcess}), Redis with its append-only file, HiveMQ CE with the bridge in a JVM of its
 * own ({@link BrokerProcess}), and here the in-process Kafka broker, the devices (HiveMQ MQTT
 * client, each subscribed QoS 1 to its {@code /update/delta}) and the operator's HTTP client; all
 * on the same machine. The service learns the devices from snapshots on {@code iot.devices.v1}; the
 * bridge runs in {@code auth.mode=none}, as in {@link IngestionBenchmark}, its topic rule still
 * applying.
 *
 * <ol>
 *   <li>latency: after a warm-up at the same rate (two minutes: on two shared cores the service's
 *       JIT compiles for about that long, and a shorter one measured the compiler, not the path),
 *       updates at a fixed rate to random devices; per update, the time from just before its PATCH
 *       to its delta's arrival at the device (matched by the sequence number the update sets in
 *       desired), and the PATCH's response time;
 *   <li>throughput: a fixed number of PATCHes in flight: updates answered a second and deltas
 *       arriving a second.
 * </ol>
 *
 * <p>Every update answered 200 must reach its device (lost = 0, checked after the figures are
 * printed). Tuning: {@code -Dshadow.devices=10000 -Dshadow.rate=200 -Dshadow.seconds=60
 * -Dshadow.warmup.seconds=120 -Dshadow.inflight=32 -Dshadow.throughput.seconds=30
 * -Dshadow.jfr=true} (a profile of the service in {@code target/bench/shadow-service.jfr}), {@code
 * -Dshadow.service.args="--key=value ..."} (settings for the service).
 */
class ShadowBenchmark {

  private static final Path OUT = Path.of("target", "bench");
  private static final Duration DRAIN = Duration.ofSeconds(60);
  private static final Duration IDLE = Duration.ofSeconds(10);

  private final List<String> rows = new ArrayList<>();

  @Test
  void shadow(@TempDir Path dir) throws Exception {
    int deviceCount = Integer.getInteger("shadow.devices", 10_000);
    int rate = Integer.getInteger("shadow.rate", 200);
    Duration measured = Duration.ofSeconds(Long.getLong("shadow.seconds", 60));
    Duration warmup = Duration.ofSeconds(Long.getLong("shadow.warmup.seconds", 120));
    int inFlight = Integer.getInteger("shadow.inflight", 32);
    Duration saturated = Duration.ofSeconds(Long.getLong("shadow.throughput.seconds", 30));
    boolean jfr = Boolean.getBoolean("shadow.jfr");

    String loadBefore = loadAverage();
    KafkaServer kafka = TestServers.kafka();
    kafka.createTopics(
        4,
        KafkaTopics.TELEMETRY,
        KafkaTopics.DEVICE_EVENTS,
        KafkaTopics.SHADOW,
        KafkaTopics.DOWNLINK,
        KafkaTopics.DEVICES,
        KafkaTopics.SHADOW_CHANGES);
    String prefix = "bench-shadow-" + System.currentTimeMillis();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < deviceCount; i++) {
      ids.add(prefix + "-" + i);
    }
    DeviceAnnouncements.announce(kafka, ids, "bench");

    try (RedisServer redis = RedisServer.start(0, Files.createDirectories(dir.resolve("redis")));
        ServiceJarProcess service =
            ServiceJarProcess.start(
                serviceJar(),
                FreePorts.pick(),
                serviceJvmOptions(jfr),
                serviceArgs(kafka, redis, prefix),
                OUT.resolve("shadow-service.log"))) {
      ShadowPatcher patcher =
          new ShadowPatcher(service.uri("/"), TestJwts.token("default", "operator"));
      awaitKnown(patcher, ids);
      ShadowLoad load = new ShadowLoad(ids, patcher);
      try (BrokerProcess broker = BrokerProcess.start("shadow", kafka.bootstrapServers(), OUT)) {
        long connecting = System.nanoTime();
        try (DeltaDevices devices = new DeltaDevices(ids, broker.port(), load::onDelta)) {
          double connectSeconds = (System.nanoTime() - connecting) / 1e9;
          System.out.printf(
              Locale.ROOT,
              "%,d devices connected and subscribed in %.1f s%n",
              devices.size(),
              connectSeconds);
          Cpu cpu =
              new Cpu(
                  ProcessCpu.of(service.handle()),
                  ProcessCpu.broker(),
                  redisCpu(),
                  ProcessCpu.self());

          // What the processes spend with the devices connected and nothing to do.
          ShadowLoad.pause(IDLE);
          String idleCpu = cpu.cores();

          ShadowLoad.Result warm = load.paced(rate, warmup, DRAIN);
          assertThat(warm.phase().deltas())
              .as("deltas in the warm-up (%s)", warm.phase().firstRefusal())
              .isPositive();

          cpu.mark();
          ShadowLoad.Result latency = load.paced(rate, measured, DRAIN);
          String latencyCpu = cpu.cores();
          cpu.mark();
          ShadowLoad.Result throughput = load.saturate(inFlight, saturated, DRAIN);
          String throughputCpu = cpu.cores();

          report(deviceCount, rate, inFlight, latency, latencyCpu, throughput, throughputCpu);
          row(
              "| idle, %d s, %,d devices connected | | | | | | | %s |"
                  .formatted(IDLE.toSeconds(), deviceCount, idleCpu));
          row("");
          row(
              "devices connected and subscribed in %.1f s; load average (1, 5, 15 min) before: %s; after: %s"
                  .formatted(connectSeconds, loadBefore, loadAverage()));
          String table = String.join("\n", rows) + "\n";
          Files.createDirectories(OUT);
          Files.writeString(OUT.resolve("shadow.md"), table);
          System.out.println("\n" + table);

          assertThat(latency.lost()).as("updates answered 200 whose delta never came").isZero();
          assertThat(throughput.lost()).as("deltas lost under saturation").isZero();
          assertThat(latency.phase().refused())
              .as("refused updates (%s)", latency.phase().firstRefusal())
              .isZero();
        }
      }
    }
  }

  private void report(
      int devices,
      int rate,
      int inFlight,
      ShadowLoad.Result latency,
      String latencyCpu,
      ShadowLoad.Result throughput,
      String throughputCpu) {
    Histogram delta = latency.deltaLatency();
    Histogram response = latency.responseTime();
    row(
        "| phase | updates/s answered | deltas/s | PATCH → delta p50 / p90 / p99 / max ms | PATCH response p50 / p99 ms | refused | lost | CPU (service, broker, Redis, Kafka + clients) |");
    row("|---|---|---|---|---|---|---|---|");
    row(phaseRow("paced %,d/s, %,d devices".formatted(rate, devices), latency, latencyCpu));
    row(phaseRow("%d PATCHes in flight".formatted(inFlight), throughput, throughputCpu));
    System.out.printf(
        Locale.ROOT,
        "SHADOW BENCHMARK devices=%d rate=%d updates=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f"
            + " max_ms=%.2f patch_p50_ms=%.2f patch_p99_ms=%.2f lost=%d refused=%d unmatched=%d"
            + " inflight=%d updates_per_s=%.0f deltas_per_s=%.0f saturated_p99_ms=%.2f"
            + " saturated_patch_p99_ms=%.2f saturated_lost=%d saturated_refused=%d%n",
        devices,
        rate,
        latency.phase().accepted(),
        millis(delta, 50),
        millis(delta, 90),
        millis(delta, 99),
        delta.getMaxValue() / 1e6,
        millis(response, 50),
        millis(response, 99),
        latency.lost(),
        latency.phase().refused(),
        latency.phase().unmatched(),
        inFlight,
        throughput.acceptedPerSecond(),
        throughput.deltasPerSecond(),
        millis(throughput.deltaLatency(), 99),
        millis(throughput.responseTime(), 99),
        throughput.lost(),
        throughput.phase().refused());
  }

  private static String phaseRow(String label, ShadowLoad.Result result, String cpu) {
    Histogram delta = result.deltaLatency();
    Histogram response = result.responseTime();
    return "| %s | %,.0f | %,.0f | %.1f / %.1f / %.1f / %.1f | %.1f / %.1f | %d | %d | %s |"
        .formatted(
            label,
            result.acceptedPerSecond(),
            result.deltasPerSecond(),
            millis(delta, 50),
            millis(delta, 90),
            millis(delta, 99),
            delta.getMaxValue() / 1e6,
            millis(response, 50),
            millis(response, 99),
            result.phase().refused(),
            result.lost(),
            cpu);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e6;
  }

  /** Waits until the service's device directory holds every device (404 "has no shadow"). */
  private static void awaitKnown(ShadowPatcher patcher, List<String> ids) {
    Set<String> unknown = new LinkedHashSet<>(ids);
    await("the service knows all %d devices".formatted(ids.size()))
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (var it = unknown.iterator(); it.hasNext(); ) {
                if (!patcher.get(it.next()).body().contains("has no shadow")) {
                  return false;
                }
                it.remove();
              }
              return true;
            });
  }

  /**
   * The jar the reactor built ({@code ../shadow-service/target/shadow-service-*-exec.jar}), or
   * {@code -Dshadow.jar=PATH}.
   */
  private static Path serviceJar() {
    String configured = System.getProperty("shadow.jar");
    return configured != null
        ? Path.of(configured)
        : ServiceJarProcess.jar(Path.of("..", "shadow-service", "target"), "shadow-service");
  }

  /** A heap of its own; with {@code jfr} a profile, written when it stops. */
  private static List<String> serviceJvmOptions(boolean jfr) {
    List<String> options = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
    if (jfr) {
      options.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + OUT.resolve("shadow-service.jfr").toAbsolutePath());
    }
    return options;
  }

  private static List<String> serviceArgs(KafkaServer kafka, RedisServer redis, String prefix) {
    List<String> args = new ArrayList<>();
    args.add("--iot.shadow.store.redis-uri=" + redis.uri());
    args.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
    args.add("--" + TestJwts.PUBLIC_KEY_PROPERTY + "=" + TestJwts.publicKeyLocation());
    args.add("--iot.shadow.kafka.group-prefix=" + prefix);
    // -Dshadow.service.args="--key=value ...": what a setting of the service changes.
    for (String extra : System.getProperty("shadow.service.args", "").trim().split("\\s+")) {
      if (!extra.isEmpty()) {
        args.add(extra);
      }
    }
    return args;
  }

  private static Optional<ProcessCpu> redisCpu() {
    return ProcessCpu.descendant("redis-server");
  }

  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return String.join(" ", fields[0], fields[1], fields[2]);
  }

  private void row(String row) {
    rows.add(row);
    System.out.println(row);
  }

  /**
   * The CPU of each process over one phase (this JVM: Kafka and the clients); 100 % is one core.
   */
  private record Cpu(
      ProcessCpu service, ProcessCpu broker, Optional<ProcessCpu> redis, ProcessCpu self) {

    void mark() {
      service.mark();
      broker.mark();
      redis.ifPresent(ProcessCpu::mark);
      self.mark();
    }

    String cores() {
      return "%s, %s, %s, %s"
          .formatted(
              percent(service.coresSinceMark()),
              percent(broker.coresSinceMark()),
              redis.map(r -> percent(r.coresSinceMark())).orElse("n/a"),
              percent(self.coresSinceMark()));
    }

    private static String percent(double cores) {
      return "%.0f %%".formatted(100 * cores);
    }
  }
}
