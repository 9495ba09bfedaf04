package org.iotplatform.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.NewTopic;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.flink.alerting.AlertEvaluationJob;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.servers.PostgresServer;
import org.iotplatform.testsupport.ServiceJarProcess;
import org.iotplatform.testsupport.TestJwts;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's benchmark: from the MQTT publish of a breaching reading to the alert event on {@code
 * iot.alerts.v1}, and to the webhook call, under 5,000 msg/s of background telemetry with 1,000
 * active rules. Printed as a table (and written to {@code target/bench/alerts.md}) and one {@code
 * ALERT BENCHMARK key=value ...} line.
 *
 * <p>The path runs as deployed: HiveMQ CE with the bridge in a JVM of its own ({@link
 * BrokerProcess}, {@code auth.mode=none}), the in-process Kafka broker, the alert evaluation job on
 * a local MiniCluster in this JVM, alert-engine's jar in a JVM of its own ({@link
 * ServiceJarProcess}) on the JVM's PostgreSQL, a webhook endpoint here ({@link WebhookReceiver}),
 * and the devices here: {@code alerts.background} devices publishing QoS 1 telemetry at {@code
 * alerts.rate} msg/s, each watched by a rule it never breaches, and {@code alerts.probes} probe
 * devices, each watched by a rule {@code temperature > 80} that notifies the webhook. The rules are
 * created through alert-engine's REST API and reach the job through its outbox and {@code
 * iot.alert-rules.v1}. The other Flink jobs (storage, anomaly scores) do not run: on a cluster they
 * have task managers of their own.
 *
 * <p>A probe publishes {@code temperature 90} at QoS 1, waits for its FIRED event, publishes {@code
 * 20} and waits for RESOLVED; a device is probed again only after {@code alerts.rest.seconds} (more
 * than the notification grouping window, so each measured alert is its rule's first in a window and
 * is sent at once). Tuning: {@code -Dalerts.rate=5000 -Dalerts.background=800 -Dalerts.probes=200
 * -Dalerts.probe-rate=5 -Dalerts.warmup.seconds=60 -Dalerts.seconds=120 -Dalerts.rest.seconds=40
 * -Dalerts.service.args="--key=value ..."}.
 */
class AlertBenchmark {

  private static final Path OUT = Path.of("target", "bench");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String token = TestJwts.token("default", "operator");

  @Test
  void alerts() throws Exception {
    int rate = Integer.getInteger("alerts.rate", 5_000);
    int backgroundCount = Integer.getInteger("alerts.background", 800);
    int probeCount = Integer.getInteger("alerts.probes", 200);
    double probeRate = Double.parseDouble(System.getProperty("alerts.probe-rate", "5"));
    Duration warmup = Duration.ofSeconds(Long.getLong("alerts.warmup.seconds", 60));
    Duration measured = Duration.ofSeconds(Long.getLong("alerts.seconds", 120));
    Duration rest = Duration.ofSeconds(Long.getLong("alerts.rest.seconds", 40));

    KafkaServer kafka = TestServers.kafka();
    List<NewTopic> topics = new ArrayList<>();
    for (String name :
        List.of(
            KafkaTopics.TELEMETRY,
            KafkaTopics.DEVICE_EVENTS,
            KafkaTopics.ALERTS,
            KafkaTopics.ANOMALY_SCORES,
            KafkaTopics.DEVICES,
            KafkaTopics.DEVICE_TYPES)) {
      topics.add(new NewTopic(name, 4, (short) 1));
    }
    topics.add(
        new NewTopic(KafkaTopics.ALERT_RULES, 4, (short) 1)
            .configs(Map.of("cleanup.policy", "compact")));
    kafka.createTopics(topics);

    String prefix = "bench-alert-" + System.currentTimeMillis();
    List<String> background = ids(prefix + "-bg", backgroundCount);
    List<String> probes = ids(prefix + "-probe", probeCount);
    List<String> all = new ArrayList<>(background);
    all.addAll(probes);
    DeviceAnnouncements.announce(kafka, all, "bench");

    PostgresServer postgres = TestServers.postgres();
    String database = "bench_alerts";
    postgres.dropDatabase(database);
    postgres.createDatabase(database);

    JobClient job = startJob(kafka);
    try (WebhookReceiver webhook = new WebhookReceiver();
        ServiceJarProcess service =
            ServiceJarProcess.start(
                serviceJar(),
                FreePorts.pick(),
                List.of("-Xms256m", "-Xmx512m"),
                serviceArgs(kafka, postgres, database),
                OUT.resolve("alert-engine.log"));
        BrokerProcess broker = BrokerProcess.start("alerts", kafka.bootstrapServers(), OUT)) {
      String channel =
          created(
              service.uri("/api/v1/alert-channels"),
              "{\"name\":\"bench\",\"kind\":\"WEBHOOK\",\"url\":\"%s\"}".formatted(webhook.uri()));
      long creating = System.nanoTime();
      createRules(service, background, "1000", null);
      createRules(service, probes, "80", channel);
      double ruleSeconds = (System.nanoTime() - creating) / 1e9;
      System.out.printf(Locale.ROOT, "%,d rules created in %.1f s%n", all.size(), ruleSeconds);

      try (LoadGenerator load = new LoadGenerator(prefix + "-bg", backgroundCount, broker.port());
          AlertProbes probing = new AlertProbes(probes, broker.port(), kafka.bootstrapServers())) {
        probing.awaitAssigned();
        CompletableFuture<LoadGenerator.Result> loadResult =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return load.paced(rate, warmup, measured);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                });
        probe(probing, probeRate, rest, warmup);
        settle(() -> probing.unanswered() == 0);
        System.out.println("warm-up probes: " + probing.describeUnanswered());
        probing.forgetUnanswered();
        probing.measuring(true);
        probe(probing, probeRate, rest, measured);
        probing.measuring(false);
        LoadGenerator.Result loadDone = loadResult.join();
        settle(() -> probing.unanswered() == 0 && probing.webhookMissing(webhook) == 0);
        report(rate, backgroundCount, probeCount, ruleSeconds, loadDone, probing, webhook);
        printServiceMetrics(service);
        assertThat(probing.unanswered())
            .as("probes without their event (%s)", probing.describeUnanswered())
            .isZero();
        assertThat(probing.webhookMissing(webhook)).as("alerts never at the webhook").isZero();
        assertThat(loadDone.refused()).as("background publishes refused").isZero();
      }
    } finally {
      job.cancel().get();
    }
  }

  /** Gives the last events and webhook calls up to 30 s to come; the figures follow either way. */
  private static void settle(java.util.function.BooleanSupplier done) {
    try {
      await("the last events and webhook calls")
          .atMost(Duration.ofSeconds(30))
          .until(done::getAsBoolean);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      System.out.println("not settled after 30 s: " + e.getMessage());
    }
  }

  private static void probe(AlertProbes probing, double perSecond, Duration rest, Duration length)
      throws InterruptedException {
    long interval = (long) (1e9 / perSecond);
    long end = System.nanoTime() + length.toNanos();
    long next = System.nanoTime();
    while (next < end) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      probing.probe(rest);
      next += interval;
    }
  }

  private void report(
      int rate,
      int background,
      int probes,
      double ruleSeconds,
      LoadGenerator.Result load,
      AlertProbes probing,
      WebhookReceiver webhook)
      throws IOException {
    Histogram event = probing.toEvent();
    Histogram hook = probing.toWebhook(webhook);
    List<String> rows = new ArrayList<>();
    rows.add("| path | alerts | p50 ms | p90 ms | p99 ms | max ms |");
    rows.add("|---|---|---|---|---|---|");
    rows.add(row("MQTT publish → FIRED on iot.alerts.v1", event));
    rows.add(row("MQTT publish → webhook call", hook));
    rows.add("");
    rows.add(
        "background: %,.0f msg/s QoS 1 from %,d devices (PUBACK p99 %.1f ms, %d refused); %,d rules (%,d background, %,d probe), created in %.1f s; webhook calls %,d"
            .formatted(
                load.perSecond(),
                background,
                load.percentileMillis(99),
                load.refused(),
                background + probes,
                background,
                probes,
                ruleSeconds,
                webhook.calls()));
    String table = String.join("\n", rows) + "\n";
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("alerts.md"), table);
    System.out.println("\n" + table);
    System.out.printf(
        Locale.ROOT,
        "ALERT BENCHMARK rate=%d background_per_s=%.0f rules=%d alerts=%d event_p50_ms=%.1f"
            + " event_p99_ms=%.1f event_max_ms=%.1f webhook_p50_ms=%.1f webhook_p99_ms=%.1f"
            + " webhook_max_ms=%.1f refused=%d%n",
        rate,
        load.perSecond(),
        background + probes,
        event.getTotalCount(),
        millis(event, 50),
        millis(event, 99),
        event.getMaxValue() / 1e6,
        millis(hook, 50),
        millis(hook, 99),
        hook.getMaxValue() / 1e6,
        load.refused());
  }

  /** The service's own view of the notification path, for the note on what limits it. */
  private void printServiceMetrics(ServiceJarProcess service) throws Exception {
    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(service.uri("/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString());
    metrics
        .body()
        .lines()
        .filter(
            line -> line.startsWith("iot_alerts_notifications") || line.startsWith("jvm_gc_pause"))
        .forEach(line -> System.out.println("alert-engine " + line));
  }

  private static String row(String label, Histogram histogram) {
    return "| %s | %,d | %.1f | %.1f | %.1f | %.1f |"
        .formatted(
            label,
            histogram.getTotalCount(),
            millis(histogram, 50),
            millis(histogram, 90),
            millis(histogram, 99),
            histogram.getMaxValue() / 1e6);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e6;
  }

  private static List<String> ids(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(prefix + "-" + i);
    }
    return ids;
  }

  /** A rule per device: {@code temperature > bound}, notifying {@code channel} if not null. */
  private void createRules(
      ServiceJarProcess service, List<String> devices, String bound, String channel)
      throws Exception {
    URI uri = service.uri("/api/v1/alert-rules");
    for (String device : devices) {
      String body =
          ("{\"name\":\"bench %s\",\"scope\":{\"kind\":\"DEVICE\",\"deviceId\":\"%s\"},"
                  + "\"condition\":{\"type\":\"THRESHOLD\",\"metric\":\"temperature\","
                  + "\"operator\":\"GT\",\"value\":%s},\"severity\":\"HIGH\",\"cooldown\":\"PT0S\","
                  + "\"enabled\":true,\"channels\":[%s]}")
              .formatted(device, device, bound, channel == null ? "" : "\"" + channel + "\"");
      // The service learns the devices from iot.devices.v1: 422 until it has read them.
      await("rule for " + device)
          .atMost(Duration.ofMinutes(2))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> post(uri, body).statusCode() == 201);
    }
  }

  private String created(URI uri, String body) throws Exception {
    HttpResponse<String> response = post(uri, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Matcher matcher = ID.matcher(response.body());
    assertThat(matcher.find()).as(response.body()).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> post(URI uri, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JobClient startJob(KafkaServer kafka) throws Exception {
    Configuration config = new Configuration();
    config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
    config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
    config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
    config.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
    return AlertEvaluationJob.submit(
        env,
        new AlertEvaluationJob.Config(
            kafka.bootstrapServers(),
            "bench-alerts-" + System.currentTimeMillis(),
            AlertEvaluationJob.Config.DEFAULT_CHECKPOINT_INTERVAL,
            AlertEvaluationJob.Config.DEFAULT_BUFFER_TIMEOUT,
            AlertEvaluationJob.Config.DEFAULT_OFFLINE_RECHECK));
  }

  /** The jar the reactor built, or {@code -Dalerts.jar=PATH}. */
  private static Path serviceJar() {
    String configured = System.getProperty("alerts.jar");
    return configured != null
        ? Path.of(configured)
        : ServiceJarProcess.jar(Path.of("..", "alert-engine", "target"), "alert-engine");
  }

  private static List<String> serviceArgs(
      KafkaServer kafka, PostgresServer postgres, String database) {
    List<String> args = new ArrayList<>();
    args.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
    args.add("--spring.datasource.url=" + postgres.jdbcUrl(database));
    args.add("--spring.datasource.username=" + postgres.user());
    args.add("--spring.datasource.password=" + postgres.password());
    args.add("--" + TestJwts.PUBLIC_KEY_PROPERTY + "=" + TestJwts.publicKeyLocation());
    // Resolutions would be grouped into the rule's window after its FIRED message and open a new
    // one, holding back the device's next probe: the benchmark times FIRED notifications only.
    args.add("--iot.alerts.notifications.notify-on=FIRED");
    for (String extra : System.getProperty("alerts.service.args", "").trim().split("\\s+")) {
      if (!extra.isEmpty()) {
        args.add(extra);
      }
    }
    return args;
  }
}
