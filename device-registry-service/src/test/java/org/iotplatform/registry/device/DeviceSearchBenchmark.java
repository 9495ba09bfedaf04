package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.iotplatform.registry.RegistryITBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Latency of the device list and its filters over HTTP with 100,000 devices of one tenant stored in
 * the real PostgreSQL: p50, p99 and max per query, one client thread, after a warm-up. Not part of
 * the suite:
 *
 * <pre>
 * ./mvnw -B -pl device-registry-service -am verify -Dtest=none -Dit.test=DeviceSearchBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 */
class DeviceSearchBenchmark extends RegistryITBase {

  private static final int DEVICES = 100_000;
  private static final int WARM_UP = 100;
  private static final int REQUESTS = 500;

  private final RestTestClient client;
  private final JdbcTemplate jdbc;

  DeviceSearchBenchmark(@Autowired RestTestClient client, @Autowired JdbcTemplate jdbc) {
    this.client = client;
    this.jdbc = jdbc;
  }

  @Test
  void listsAndFiltersAHundredThousandDevices() {
    store();
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("first page, no filter", "/api/v1/devices");
    queries.put("deep page (cursor at the middle)", "/api/v1/devices?cursor=" + middle());
    queries.put("type", "/api/v1/devices?type=t3");
    queries.put("status", "/api/v1/devices?status=ONLINE");
    queries.put("firmware", "/api/v1/devices?firmware=1.7.0");
    queries.put("label", "/api/v1/devices?label=site:s7");
    queries.put("type + status + label", "/api/v1/devices?type=t2&status=ONLINE&label=floor:f2");
    queries.put(
        "last_seen range (1 h)",
        "/api/v1/devices?lastSeenFrom=2026-11-22T09:00:00Z&lastSeenTo=2026-11-22T10:00:00Z");
    queries.put("text q (substring of id or name)", "/api/v1/devices?q=Device 4242");
    queries.put("limit 500", "/api/v1/devices?limit=500");

    StringBuilder table =
        new StringBuilder("| query | items | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
    for (Map.Entry<String, String> query : queries.entrySet()) {
      int items = 0;
      for (int i = 0; i < WARM_UP; i++) {
        items = DevicePages.fetch(client, query.getValue()).items().size();
      }
      assertThat(items).as(query.getKey()).isPositive();
      Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      for (int i = 0; i < REQUESTS; i++) {
        long start = System.nanoTime();
        DevicePages.fetch(client, query.getValue());
        latencies.recordValue(System.nanoTime() - start);
      }
      table.append(
          String.format(
              "| %s | %d | %.1f | %.1f | %.1f |%n",
              query.getKey(),
              items,
              latencies.getValueAtPercentile(50) / 1e6,
              latencies.getValueAtPercentile(99) / 1e6,
              latencies.getMaxValue() / 1e6));
    }
    System.out.println("DeviceSearchBenchmark: " + DEVICES + " devices\n" + table);
  }

  /** Five types, ten firmware versions, half online, labels site (20) and floor (10). */
  private void store() {
    for (int t = 0; t < 5; t++) {
      jdbc.update(
          "INSERT INTO device_types (tenant_id, name, created_at) VALUES ('default', ?, now())",
          "t" + t);
    }
    jdbc.update(
        "INSERT INTO devices (tenant_id, id, type, name, labels, firmware_version, status,"
            + " last_seen, created_at, updated_at, version)"
            + " SELECT 'default', 'dev-' || lpad(i::text, 6, '0'), 't' || (i % 5), 'Device ' || i,"
            + " jsonb_build_object('site', 's' || (i % 20), 'floor', 'f' || (i % 10)),"
            + " '1.' || (i % 10) || '.0', CASE WHEN i % 2 = 0 THEN 'ONLINE' ELSE 'OFFLINE' END,"
            + " timestamptz '2026-11-22T10:00:00Z' - (i % 1440) * interval '1 minute',"
            + " now(), now(), 0 FROM generate_series(1, ?) AS i",
        DEVICES);
    jdbc.execute("ANALYZE devices");
  }

  private static String middle() {
    return new DeviceCursor(String.format("dev-%06d", DEVICES / 2)).encode();
  }
}
