package org.iotplatform.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.Tenants;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.web.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import of 100,000 devices over HTTP into the registry on the embedded PostgreSQL, printing
 * rows per second: a first import (all created), the same body again (all unchanged) and a body
 * that changes every device (all updated). Not part of the test suites (its name ends in neither
 * Test nor IT); run it with
 *
 * <pre>./mvnw -B -pl device-registry-service -am verify -Dtest=none -Dit.test=BulkImportBenchmark
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 *
 * The outbox relay runs meanwhile, sending the 100,000 records to Kafka, as it would in production.
 * The figures are in docs/benchmarks.md.
 */
class BulkImportBenchmark extends RegistryITBase {

  private static final int DEVICES = 100_000;

  private final JdbcTemplate jdbc;
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @LocalServerPort private int port;

  BulkImportBenchmark(@Autowired JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Test
  void importsOneHundredThousandDevices() throws Exception {
    jdbc.update(
        "INSERT INTO device_types (tenant_id, name, created_at) VALUES ('default', 'meter', now())");

    Map<?, ?> created = run("created", "1.0");
    awaitRelay();
    Map<?, ?> unchanged = run("unchanged", "1.0");
    awaitRelay();
    Map<?, ?> updated = run("updated", "1.1");
    awaitRelay();

    assertThat(created.get("created")).isEqualTo(DEVICES);
    assertThat(unchanged.get("unchanged")).isEqualTo(DEVICES);
    assertThat(updated.get("updated")).isEqualTo(DEVICES);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM outbox WHERE topic = ?", Integer.class, KafkaTopics.DEVICES))
        .isEqualTo(2 * DEVICES);
  }

  /**
   * Waits until the outbox relay has sent every record to Kafka (in-process, in this JVM), so that
   * the next import does not share the CPU with it; prints how long that took.
   */
  private void awaitRelay() {
    long start = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM outbox WHERE published_at IS NULL", Integer.class)
                    == 0);
    System.out.printf(
        "BENCHMARK outbox relay drained %.1f s after the import%n",
        (System.nanoTime() - start) / 1e9);
  }

  private Map<?, ?> run(String what, String firmware) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/devices:bulk"))
            .header("Content-Type", "application/x-ndjson")
            .header("Authorization", "Bearer " + tokenFor(Tenants.DEFAULT, Role.ADMIN))
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Lines(firmware)))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    System.out.printf(
        "BENCHMARK bulk import, %d devices %s: %.1f s, %.0f rows/s%n",
        DEVICES, what, seconds, DEVICES / seconds);
    return json.readValue(response.body(), Map.class);
  }

  /** The NDJSON body, made line by line as the client sends it. */
  private static final class Lines extends InputStream {

    private final String firmware;
    private int next = 1;
    private byte[] line = new byte[0];
    private int position;

    Lines(String firmware) {
      this.firmware = firmware;
    }

    @Override
    public int read() {
      if (position == line.length && !advance()) {
        return -1;
      }
      return line[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position == line.length && !advance()) {
        return -1;
      }
      int count = Math.min(length, line.length - position);
      System.arraycopy(line, position, buffer, offset, count);
      position += count;
      return count;
    }

    private boolean advance() {
      if (next > DEVICES) {
        return false;
      }
      int i = next++;
      line =
          ("{\"id\":\"bench-"
                  + i
                  + "\",\"type\":\"meter\",\"name\":\"Meter "
                  + i
                  + "\",\"labels\":{\"site\":\"site-"
                  + (i % 100)
                  + "\",\"floor\":\""
                  + (i % 7)
                  + "\"},\"location\":{\"lat\":52.5,\"lon\":13.4},\"firmwareVersion\":\""
                  + firmware
                  + "\"}\n")
              .getBytes(StandardCharsets.UTF_8);
      position = 0;
      return true;
    }
  }
}
