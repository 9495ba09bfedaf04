package org.iotplatform.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.testsupport.TestInstants.ONE_HOUR_LATER;
import static org.iotplatform.testsupport.TestInstants.ONE_MINUTE_LATER;
import static org.iotplatform.testsupport.TestInstants.ONE_SECOND_LATER;
import static org.iotplatform.testsupport.TestInstants.T0;
import static org.iotplatform.testsupport.TestInstants.TWO_MINUTES_LATER;

import java.time.Instant;
import java.util.Objects;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.contracts.Tenants;
import org.iotplatform.query.QueryApiITBase;
import org.iotplatform.servers.InfluxServer;
import org.iotplatform.testsupport.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Telemetry written to a real InfluxDB in line protocol, read back through the REST API. */
class TelemetryQueryIT extends QueryApiITBase {

  private static final String PATH =
      "/api/v1/devices/{deviceId}/telemetry?metric={metric}&from={from}&to={to}";

  private final RestTestClient underTest;
  private final InfluxServer influx;

  TelemetryQueryIT(@Autowired RestTestClient underTest, InfluxServer influx) {
    this.underTest = underTest;
    this.influx = influx;
  }

  @BeforeEach
  void createDatabase() {
    // The storage job creates these in production. This raw policy keeps points forever, so that
    // points at the fixed test instants are not dropped as older than the retention period.
    // InfluxDB 1.x refuses to repeat CREATE DATABASE ... WITH for an existing database, and a test
    // may have dropped it, so each test starts from none.
    influx.dropAllDatabases();
    influx.query(
        "CREATE DATABASE "
            + InfluxSchema.DATABASE
            + " WITH DURATION INF NAME "
            + InfluxSchema.RAW_RETENTION_POLICY);
  }

  @Test
  void answersInTheDocumentedJsonShape() {
    write(point("d1", T0.plusMillis(123), "temperature=23.4"));

    underTest
        .get()
        .uri(PATH, "d1", "temperature", T0, ONE_HOUR_LATER)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .json(
            """
            {"deviceId": "d1", "metric": "temperature",
             "from": "2024-11-22T13:00:00Z", "to": "2024-11-22T14:00:00Z",
             "points": [{"ts": "2024-11-22T13:00:00.123Z", "value": 23.4}]}
            """,
            JsonCompareMode.STRICT);
  }

  @Test
  void returnsTheValuesOldestFirst() {
    write(
        point("d1", TWO_MINUTES_LATER, "temperature=22.5"),
        point("d1", T0, "temperature=21.0"),
        point("d1", ONE_MINUTE_LATER, "temperature=-3.25"));

    assertThat(query("d1", "temperature", T0, ONE_HOUR_LATER).points())
        .containsExactly(
            new TelemetryPoint(T0, 21),
            new TelemetryPoint(ONE_MINUTE_LATER, -3.25),
            new TelemetryPoint(TWO_MINUTES_LATER, 22.5));
  }

  @Test
  void returnsOnlyPointsFromInclusiveToExclusive() {
    write(
        point("d1", T0.minusMillis(1), "temperature=1"),
        point("d1", T0, "temperature=2"),
        point("d1", ONE_MINUTE_LATER.minusMillis(1), "temperature=3"),
        point("d1", ONE_MINUTE_LATER, "temperature=4"));

    assertThat(query("d1", "temperature", T0, ONE_MINUTE_LATER).points())
        .extracting(TelemetryPoint::value)
        .containsExactly(2, 3);
  }

  @Test
  void doesNotReturnAnotherDevicesPoints() {
    write(
        point("d1", T0, "temperature=20"),
        point("d2", ONE_SECOND_LATER, "temperature=30"),
        point("d1-other", ONE_SECOND_LATER, "temperature=40"));

    assertThat(query("d1", "temperature", T0, ONE_HOUR_LATER).points())
        .containsExactly(new TelemetryPoint(T0, 20));
  }

  @Test
  void returnsOnlyThePointsOfTheCallersTenant() {
    write(
        point("acme", "d1", T0, "temperature=1"),
        point(Tenants.DEFAULT, "d1", ONE_SECOND_LATER, "temperature=2"));

    assertThat(query("d1", "temperature", T0, ONE_HOUR_LATER).points())
        .containsExactly(new TelemetryPoint(ONE_SECOND_LATER, 2));
    TelemetrySeries acme =
        underTest
            .get()
            .uri(PATH, "d1", "temperature", T0, ONE_HOUR_LATER)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.token("acme", "viewer"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(TelemetrySeries.class)
            .returnResult()
            .getResponseBody();
    assertThat(Objects.requireNonNull(acme).points()).containsExactly(new TelemetryPoint(T0, 1));
  }

  @Test
  void refusesAQueryWithAnExpiredToken() {
    underTest
        .get()
        .uri(PATH, "d1", "temperature", T0, ONE_HOUR_LATER)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.builder().expired().build())
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("auth.unauthenticated");
  }

  @Test
  void returnsOnlyTheRequestedMetricWithTheTypeItWasSentWith() {
    write(
        point("d1", T0, "temperature=20.5,count=42i,door=true,state=\"on\""),
        point("d1", ONE_SECOND_LATER, "humidity=60"));

    assertThat(query("d1", "temperature", T0, ONE_HOUR_LATER).points())
        .containsExactly(new TelemetryPoint(T0, 20.5));
    assertThat(query("d1", "count", T0, ONE_HOUR_LATER).points())
        .containsExactly(new TelemetryPoint(T0, 42));
    assertThat(query("d1", "door", T0, ONE_HOUR_LATER).points())
        .containsExactly(new TelemetryPoint(T0, true));
    assertThat(query("d1", "state", T0, ONE_HOUR_LATER).points())
        .containsExactly(new TelemetryPoint(T0, "on"));
    assertThat(query("d1", "humidity", T0, ONE_HOUR_LATER).points())
        .containsExactly(new TelemetryPoint(ONE_SECOND_LATER, 60));
  }

  @Test
  void returnsTheOldestPointsUpToTheLimit() {
    write(
        point("d1", T0, "temperature=1"),
        point("d1", ONE_SECOND_LATER, "temperature=2"),
        point("d1", ONE_MINUTE_LATER, "temperature=3"));

    TelemetrySeries series =
        underTest
            .get()
            .uri(PATH + "&limit=2", "d1", "temperature", T0, ONE_HOUR_LATER)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(TelemetrySeries.class)
            .returnResult()
            .getResponseBody();

    assertThat(Objects.requireNonNull(series).points())
        .extracting(TelemetryPoint::value)
        .containsExactly(1, 2);
  }

  @Test
  void answersAnEmptyListForADeviceThatSentNothing() {
    write(point("d1", T0, "temperature=20"));

    assertThat(query("never-seen", "temperature", T0, ONE_HOUR_LATER).points()).isEmpty();
  }

  @Test
  void answersAnEmptyListWhenTheDatabaseDoesNotExistYet() {
    influx.dropAllDatabases();

    TelemetrySeries series = query("d1", "temperature", T0, ONE_HOUR_LATER);

    assertThat(series.points()).isEmpty();
    assertThat(series.deviceId()).isEqualTo("d1");
  }

  @Test
  void answersAnEmptyListWhenTheRetentionPolicyDoesNotExistYet() {
    influx.dropAllDatabases();
    influx.createDatabase(InfluxSchema.DATABASE);

    assertThat(query("d1", "temperature", T0, ONE_HOUR_LATER).points()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} limit {4} -> {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad id         | temperature | 2024-11-22T13:00:00Z | 2024-11-22T14:00:00Z | 10    | telemetry.invalid-device-id",
        "d1' OR '1'='1  | temperature | 2024-11-22T13:00:00Z | 2024-11-22T14:00:00Z | 10    | telemetry.invalid-device-id",
        "d1             | temp\"x     | 2024-11-22T13:00:00Z | 2024-11-22T14:00:00Z | 10    | telemetry.invalid-metric",
        "d1             | device_id   | 2024-11-22T13:00:00Z | 2024-11-22T14:00:00Z | 10    | telemetry.invalid-metric",
        "d1             | temperature | yesterday            | 2024-11-22T14:00:00Z | 10    | telemetry.invalid-instant",
        "d1             | temperature | 2024-11-22T13:00:00Z | 2024-11-22           | 10    | telemetry.invalid-instant",
        "d1             | temperature | 2024-11-22T14:00:00Z | 2024-11-22T13:00:00Z | 10    | telemetry.invalid-range",
        "d1             | temperature | 2024-01-01T00:00:00Z | 2024-03-01T00:00:00Z | 10    | telemetry.range-too-wide",
        "d1             | temperature | 2024-11-22T13:00:00Z | 2024-11-22T14:00:00Z | 10001 | telemetry.invalid-limit",
        "d1             | temperature | 2024-11-22T13:00:00Z | 2024-11-22T14:00:00Z | 0     | telemetry.invalid-limit",
        "d1             | temperature | 2024-11-22T13:00:00Z | 2024-11-22T14:00:00Z | many  | request.invalid",
      })
  void answersBadInputWithAProblemDetail(
      String deviceId, String metric, String from, String to, String limit, String errorCode) {
    underTest
        .get()
        .uri(PATH + "&limit={limit}", deviceId, metric, from, to, limit)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400)
        .jsonPath("$.errorCode")
        .isEqualTo(errorCode)
        .jsonPath("$.detail")
        .isNotEmpty();
  }

  private TelemetrySeries query(String deviceId, String metric, Instant from, Instant to) {
    TelemetrySeries series =
        underTest
            .get()
            .uri(PATH, deviceId, metric, from, to)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(TelemetrySeries.class)
            .returnResult()
            .getResponseBody();
    return Objects.requireNonNull(series);
  }

  private void write(String... lines) {
    influx.write(InfluxSchema.DATABASE, String.join("\n", lines));
  }

  /** A point of the tenant {@code default}. */
  private static String point(String deviceId, Instant ts, String fields) {
    return point(Tenants.DEFAULT, deviceId, ts, fields);
  }

  /** A line-protocol point with millisecond timestamp, tagged as the storage job tags them. */
  private static String point(String tenant, String deviceId, Instant ts, String fields) {
    return InfluxSchema.TELEMETRY_MEASUREMENT
        + ","
        + InfluxSchema.TAG_DEVICE_ID
        + "="
        + deviceId
        + ","
        + InfluxSchema.TAG_TENANT_ID
        + "="
        + tenant
        + " "
        + fields
        + " "
        + ts.toEpochMilli();
  }
}
