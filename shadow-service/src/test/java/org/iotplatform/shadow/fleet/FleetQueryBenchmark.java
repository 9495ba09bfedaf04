package org.iotplatform.shadow.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.iotplatform.servers.RedisServer;
import org.iotplatform.shadow.document.ShadowDocument;
import org.iotplatform.shadow.document.ShadowUpdate;
import org.iotplatform.shadow.store.ShadowKey;
import org.iotplatform.testsupport.TestServers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's fleet query figures: builds the index of {@code bench.shadows} (100,000) shadows in a
 * real Redis, then prints (and writes to {@code target/bench/fleet-query.md}) the build time, Redis
 * memory per shadow, first-page latency p50/p99 of typical queries and the time to page through
 * every match of the 10 % query. Not part of the build (neither {@code *Test} nor {@code *IT}); run
 * it with
 *
 * <pre>
 * ./mvnw -B -pl shadow-service -am verify -Dtest=none -Dit.test=FleetQueryBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Options: {@code -Dbench.shadows=100000 -Dbench.runs=300 -Dbench.page=100}.
 */
class FleetQueryBenchmark {

  private static final String TENANT = "acme";
  private static final Path OUT = Path.of("target", "bench");
  private static final String[] MODES = {"eco", "normal", "boost"};

  /** Eco devices are always green: "eco AND red" has no match among a third of the fleet. */
  private static final String[] COLORS = {"green", "red", "blue"};

  private static final int WARMUP_RUNS = 50;
  private static final int PAGE_THROUGH_RUNS = 5;

  private final List<String> rows = new ArrayList<>();

  @Test
  void fleetQueries() throws Exception {
    int shadows = Integer.getInteger("bench.shadows", 100_000);
    int runs = Integer.getInteger("bench.runs", 300);
    int pageSize = Integer.getInteger("bench.page", 100);
    RedisServer redis = TestServers.redis();
    redis.flushAll();
    RedisClient client = RedisClient.create(redis.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      build(connection, shadows);
      FleetQueryRepository underTest = new FleetQueryRepository(connection);
      FleetQueryRepository wideBudget =
          new FleetQueryRepository(connection, 4 * FleetQueryRepository.DEFAULT_SCAN_BUDGET);
      String rareSerial = serial(shadows / 2);
      firstPage(underTest, "reported.mode = 'eco'", pageSize, runs);
      firstPage(underTest, "reported.firmware != desired.firmware", pageSize, runs);
      firstPage(underTest, "reported.serial = '" + rareSerial + "'", pageSize, runs);
      firstPage(underTest, "reported.mode != 'eco'", pageSize, runs);
      firstPage(
          underTest,
          "reported.mode = 'eco' AND reported.firmware != desired.firmware AND"
              + " reported.battery != 0",
          pageSize,
          runs);
      String noMatch = "reported.mode = 'eco' AND reported.config.led.color = 'red'";
      firstPage(underTest, noMatch, pageSize, runs);
      firstPage(wideBudget, noMatch, pageSize, runs);
      pageThrough(underTest, "reported.firmware != desired.firmware", pageSize, shadows / 10);
      pageThrough(underTest, "reported.firmware != desired.firmware", 1_000, shadows / 10);
      pageThrough(underTest, noMatch, pageSize, 0);
      pageThrough(wideBudget, noMatch, pageSize, 0);
    } finally {
      client.shutdown();
    }
    String table = String.join("\n", rows);
    System.out.println(table);
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("fleet-query.md"), table + "\n", UTF_8);
  }

  private void build(StatefulRedisConnection<String, String> connection, int shadows) {
    long memoryBefore = usedMemory(connection);
    ShadowIndex index = new ShadowIndex();
    IndexWriter writer = new IndexWriter(connection);
    long memberships = 0;
    long indexNanos = 0;
    long start = System.nanoTime();
    for (int i = 0; i < shadows; i++) {
      ShadowDocument shadow = shadow(i);
      long indexStart = System.nanoTime();
      IndexChanges changes = index.changes(TENANT, ShadowDocument.empty(), shadow);
      indexNanos += System.nanoTime() - indexStart;
      memberships += changes.addedKeys().size();
      writer.write(ShadowKey.classic(String.format(Locale.ROOT, "dev-%06d", i)), changes);
    }
    writer.await();
    long elapsed = System.nanoTime() - start;
    long memory = usedMemory(connection) - memoryBefore;
    long keys = connection.sync().dbsize();
    rows.add(
        String.format(
            Locale.ROOT,
            "%s, %d cores, Java %s, Redis %s, load average before the queries %s",
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            info(connection, "server", "redis_version"),
            loadAverage()));
    rows.add("");
    rows.add(
        String.format(
            Locale.ROOT,
            "index of %,d shadows: built in %.1f s (%.1f s of it in ShadowIndex.changes, the rest"
                + " JSON and pipelined ZADDs), %,d memberships in %,d sets, %.1f MiB used, %,d"
                + " bytes per shadow",
            shadows,
            elapsed / 1e9,
            indexNanos / 1e9,
            memberships,
            keys,
            memory / 1024.0 / 1024.0,
            memory / shadows));
    long bigSet = connection.sync().memoryUsage(IndexKeys.all(TENANT));
    long oneMemberSet =
        connection
            .sync()
            .memoryUsage(
                IndexKeys.eq(TENANT, Section.REPORTED, List.of("serial"), serial(shadows / 2)));
    rows.add("");
    rows.add(
        String.format(
            Locale.ROOT,
            "MEMORY USAGE: the set of all %,d shadows %,d bytes (%d per member); a set of one"
                + " member (a serial number's) %d bytes",
            shadows,
            bigSet,
            bigSet / shadows,
            oneMemberSet));
    rows.add("");
    rows.add(
        "| query | scan budget | page size | matches on the first page | first page p50 | p99 |");
    rows.add("|---|---|---|---|---|---|");
  }

  /** A device as fleets have them: firmware, mode, battery, radio, nested configuration. */
  private static ShadowDocument shadow(int i) {
    String reported =
        """
        {"firmware":"3.1.0","mode":"%s","battery":%d,"rssi":%d,"serial":"%s",\
        "config":{"interval":%d,"threshold":%s,"led":{"on":%b,"color":"%s"}},\
        "location":{"site":"site-%02d"},"sensors":["temperature","humidity"]}"""
            .formatted(
                MODES[i % 3],
                i % 101,
                -40 - i % 60,
                serial(i),
                i % 4 == 0 ? 300 : 60,
                21.5 + (i % 10) / 2.0,
                i % 2 == 0,
                COLORS[i % 3],
                i % 50);
    String desired =
        """
        {"firmware":"%s","config":{"interval":%d}}"""
            .formatted(i % 10 == 0 ? "3.2.0" : "3.1.0", i % 4 == 0 ? 300 : 60);
    String update = "{\"state\":{\"desired\":" + desired + ",\"reported\":" + reported + "}}";
    return ShadowDocument.empty().apply(ShadowUpdate.parse(update), Instant.EPOCH);
  }

  private static String serial(int i) {
    return String.format(Locale.ROOT, "SN-%07d", i);
  }

  private void firstPage(FleetQueryRepository underTest, String text, int pageSize, int runs) {
    FleetQuery query = FleetQuery.parse(text);
    int matches = 0;
    for (int i = 0; i < WARMUP_RUNS; i++) {
      matches = underTest.find(TENANT, query, null, pageSize).items().size();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      underTest.find(TENANT, query, null, pageSize);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    rows.add(
        String.format(
            Locale.ROOT,
            "| `%s` | %,d | %d | %d | %.2f ms | %.2f ms |",
            text,
            underTest.scanBudget(),
            pageSize,
            matches,
            percentile(nanos, 0.50) / 1e6,
            percentile(nanos, 0.99) / 1e6));
  }

  /** Pages through every match five times after a warm-up, and reports the median time. */
  private void pageThrough(
      FleetQueryRepository underTest, String text, int pageSize, int expectedMatches) {
    FleetQuery query = FleetQuery.parse(text);
    long[] nanos = new long[PAGE_THROUGH_RUNS];
    int pages = 0;
    for (int run = -1; run < PAGE_THROUGH_RUNS; run++) {
      int matches = 0;
      pages = 0;
      @Nullable String cursor = null;
      long start = System.nanoTime();
      do {
        FleetPage page = underTest.find(TENANT, query, cursor, pageSize);
        matches += page.items().size();
        pages++;
        cursor = page.nextCursor();
      } while (cursor != null);
      if (run >= 0) {
        nanos[run] = System.nanoTime() - start;
      }
      assertThat(matches).as(text).isEqualTo(expectedMatches);
    }
    Arrays.sort(nanos);
    rows.add(
        String.format(
            Locale.ROOT,
            "| every match of `%s` | %,d | %d | %,d in %d pages | %.0f ms in all (median) | |",
            text,
            underTest.scanBudget(),
            pageSize,
            expectedMatches,
            pages,
            percentile(nanos, 0.50) / 1e6));
  }

  private static long percentile(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    } catch (IOException | RuntimeException unknown) {
      return "unknown";
    }
  }

  private static long usedMemory(StatefulRedisConnection<String, String> connection) {
    return Long.parseLong(info(connection, "memory", "used_memory"));
  }

  private static String info(
      StatefulRedisConnection<String, String> connection, String section, String field) {
    return connection
        .sync()
        .info(section)
        .lines()
        .filter(line -> line.startsWith(field + ":"))
        .map(line -> line.substring(field.length() + 1).trim())
        .findFirst()
        .orElseThrow();
  }
}
