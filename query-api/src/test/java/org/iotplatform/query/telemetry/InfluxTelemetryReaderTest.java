package org.iotplatform.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.QueryResult;
import org.iotplatform.query.QueryApiProperties;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;

class InfluxTelemetryReaderTest {

  private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

  @Test
  void mapsRowsToPointsKeepingTheirOrderAndTypes() {
    QueryResult result =
        result(
            series(
                row("2026-01-31T12:00:00Z", 23.4),
                row("2026-01-31T12:00:01.5Z", true),
                row("2026-01-31T12:00:02.000000001Z", "on")));

    assertThat(InfluxTelemetryReader.points(result))
        .containsExactly(
            new TelemetryPoint(T0, 23.4),
            new TelemetryPoint(T0.plusMillis(1500), true),
            new TelemetryPoint(T0.plusSeconds(2).plusNanos(1), "on"));
  }

  @Test
  void givesWholeNumbersBackAsIntegers() {
    QueryResult result =
        result(series(row("2026-01-31T12:00:00Z", 42.0), row("2026-01-31T12:00:01Z", -0.5)));

    assertThat(InfluxTelemetryReader.points(result))
        .extracting(TelemetryPoint::value)
        .containsExactly(42L, -0.5);
  }

  @Test
  void skipsRowsWithoutAValue() {
    QueryResult result = result(series(row("2026-01-31T12:00:00Z", null)));

    assertThat(InfluxTelemetryReader.points(result)).isEmpty();
  }

  @Test
  void answersEmptyWhenNothingMatches() {
    assertThat(InfluxTelemetryReader.points(result(new QueryResult.Result()))).isEmpty();
  }

  @Test
  void answersEmptyWhenTheDatabaseDoesNotExistYet() {
    assertThat(InfluxTelemetryReader.points(result(error("database not found: iot")))).isEmpty();
  }

  @Test
  void answersEmptyWhenTheRetentionPolicyDoesNotExistYet() {
    assertThat(InfluxTelemetryReader.points(result(error("retention policy not found: raw"))))
        .isEmpty();
  }

  @Test
  void failsOnAnyOtherErrorOfTheStatement() {
    assertThatIllegalStateException()
        .isThrownBy(
            () -> InfluxTelemetryReader.points(result(error("error parsing query: found FROM"))))
        .withMessageContaining("error parsing query");
  }

  @Test
  void answersStoreUnavailableWhenInfluxDbCannotBeReached() throws IOException {
    URI closedPort = closedLoopbackPort();
    QueryApiProperties properties =
        new QueryApiProperties(
            new QueryApiProperties.Influx(
                closedPort, "iot", "raw", null, null, Duration.ofSeconds(2), Duration.ofSeconds(2)),
            new QueryApiProperties.Telemetry(Duration.ofDays(1), 10, 10));
    try (InfluxDB influxDb = InfluxDBFactory.connect(closedPort.toString())) {
      InfluxTelemetryReader underTest = new InfluxTelemetryReader(influxDb, properties);

      assertThatExceptionOfType(ApiException.class)
          .isThrownBy(
              () ->
                  underTest.read(
                      new TelemetryQuery("acme", "d1", "temperature", T0, T0.plusSeconds(60), 10)))
          .satisfies(e -> assertThat(e.error()).isEqualTo(TelemetryError.STORE_UNAVAILABLE));
    }
  }

  private static URI closedLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  private static List<Object> row(String time, Object value) {
    return Arrays.asList(time, value);
  }

  @SafeVarargs
  private static QueryResult.Result series(List<Object>... rows) {
    QueryResult.Series series = new QueryResult.Series();
    series.setName("telemetry");
    series.setColumns(List.of("time", "temperature"));
    series.setValues(List.of(rows));
    QueryResult.Result statement = new QueryResult.Result();
    statement.setSeries(List.of(series));
    return statement;
  }

  private static QueryResult.Result error(String message) {
    QueryResult.Result statement = new QueryResult.Result();
    statement.setError(message);
    return statement;
  }

  private static QueryResult result(QueryResult.Result statement) {
    QueryResult result = new QueryResult();
    result.setResults(List.of(statement));
    return result;
  }
}
