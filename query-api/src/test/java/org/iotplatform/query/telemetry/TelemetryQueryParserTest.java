package org.iotplatform.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.iotplatform.query.QueryApiProperties;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelemetryQueryParserTest {

  private static final String TENANT = "acme";

  private static final String FROM = "2026-01-31T12:00:00Z";
  private static final String TO = "2026-01-31T13:00:00Z";

  private final TelemetryQueryParser underTest =
      new TelemetryQueryParser(
          new QueryApiProperties(
              new QueryApiProperties.Influx(
                  URI.create("http://127.0.0.1:1"),
                  "iot",
                  "raw",
                  null,
                  null,
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(1)),
              new QueryApiProperties.Telemetry(Duration.ofDays(1), 100, 500)));

  @Test
  void parsesAValidRequest() {
    TelemetryQuery query = underTest.parse(TENANT, "sensor-1.a_b", "temperature", FROM, TO, 20);

    assertThat(query)
        .isEqualTo(
            new TelemetryQuery(
                TENANT, "sensor-1.a_b", "temperature", Instant.parse(FROM), Instant.parse(TO), 20));
  }

  @Test
  void usesTheDefaultLimitWhenNoneIsGiven() {
    assertThat(underTest.parse(TENANT, "d1", "temperature", FROM, TO, null).limit()).isEqualTo(100);
  }

  @Test
  void acceptsInstantsWithAnOffset() {
    TelemetryQuery query =
        underTest.parse(TENANT, "d1", "temperature", "2026-01-31T13:00:00+01:00", TO, null);

    assertThat(query.from()).isEqualTo(Instant.parse(FROM));
  }

  @Test
  void acceptsAnEmptyRange() {
    assertThat(underTest.parse(TENANT, "d1", "temperature", FROM, FROM, null).from())
        .isEqualTo(Instant.parse(FROM));
  }

  @Test
  void acceptsARangeOfExactlyTheMaximumWidth() {
    assertThat(
            underTest.parse(TENANT, "d1", "temperature", FROM, "2026-02-01T12:00:00Z", null).to())
        .isEqualTo(Instant.parse("2026-02-01T12:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "d1'", "d1\"", "d/1", "é"})
  void rejectsInvalidDeviceIds(String deviceId) {
    assertRejected(TelemetryError.INVALID_DEVICE_ID, deviceId, "temperature", FROM, TO, null);
  }

  @Test
  void rejectsADeviceIdLongerThan64Characters() {
    assertRejected(TelemetryError.INVALID_DEVICE_ID, "x".repeat(65), "temperature", FROM, TO, null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "temp erature",
        "t\"",
        "t'",
        "t;",
        "t\\",
        "time",
        "TIME",
        "device_id",
        "tenant_id",
        "device_type"
      })
  void rejectsInvalidOrReservedMetricNames(String metric) {
    assertRejected(TelemetryError.INVALID_METRIC, "d1", metric, FROM, TO, null);
  }

  @Test
  void rejectsAMetricNameLongerThan64Characters() {
    assertRejected(TelemetryError.INVALID_METRIC, "d1", "m".repeat(65), FROM, TO, null);
    assertThat(underTest.parse(TENANT, "d1", "m".repeat(64), FROM, TO, null).metric()).hasSize(64);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2026-01-31", "2026-01-31T12:00:00", "1769860800000"})
  void rejectsValuesThatAreNotInstants(String instant) {
    assertRejected(TelemetryError.INVALID_INSTANT, "d1", "temperature", instant, TO, null);
    assertRejected(TelemetryError.INVALID_INSTANT, "d1", "temperature", FROM, instant, null);
  }

  @Test
  void rejectsInstantsOutsideWhatTheStoreCanHold() {
    assertRejected(
        TelemetryError.INVALID_INSTANT,
        "d1",
        "temperature",
        "1600-01-01T00:00:00Z",
        "1600-01-01T01:00:00Z",
        null);
    assertRejected(
        TelemetryError.INVALID_INSTANT,
        "d1",
        "temperature",
        "2300-01-01T00:00:00Z",
        "2300-01-01T01:00:00Z",
        null);
  }

  @Test
  void rejectsFromAfterTo() {
    assertRejected(TelemetryError.INVALID_RANGE, "d1", "temperature", TO, FROM, null);
  }

  @Test
  void rejectsARangeWiderThanTheMaximum() {
    assertRejected(
        TelemetryError.RANGE_TOO_WIDE,
        "d1",
        "temperature",
        FROM,
        "2026-02-01T12:00:00.000000001Z",
        null);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 501})
  void rejectsLimitsOutsideOneToTheMaximum(int limit) {
    assertRejected(TelemetryError.INVALID_LIMIT, "d1", "temperature", FROM, TO, limit);
  }

  @Test
  void saysWhatIsWrongAndWhatToDo() {
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> underTest.parse(TENANT, "d1", "temperature", TO, FROM, null))
        .satisfies(
            e ->
                assertThat(e.getBody().getDetail())
                    .isEqualTo(
                        "'from' (2026-01-31T13:00:00Z) is after 'to' (2026-01-31T12:00:00Z)."
                            + " Give a 'from' that is not after 'to'."));
  }

  private void assertRejected(
      TelemetryError expected,
      String deviceId,
      String metric,
      String from,
      String to,
      @Nullable Integer limit) {
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> underTest.parse(TENANT, deviceId, metric, from, to, limit))
        .satisfies(e -> assertThat(e.error()).isEqualTo(expected));
  }
}
