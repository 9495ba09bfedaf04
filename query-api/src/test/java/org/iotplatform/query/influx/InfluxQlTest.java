package org.iotplatform.query.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InfluxQlTest {

  @Test
  void quotesIdentifiersInDoubleQuotes() {
    assertThat(InfluxQl.identifier("temperature")).isEqualTo("\"temperature\"");
  }

  @Test
  void escapesQuotesBackslashesAndNewlinesInIdentifiers() {
    assertThat(InfluxQl.identifier("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
  }

  @Test
  void leavesSingleQuotesInIdentifiersAlone() {
    assertThat(InfluxQl.identifier("it's")).isEqualTo("\"it's\"");
  }

  @Test
  void escapesAnAttemptToCloseAStringLiteral() {
    assertThat(InfluxQl.string("d1' OR device_id =~ /.*/ --"))
        .isEqualTo("'d1\\' OR device_id =~ /.*/ --'");
  }

  @Test
  void escapesABackslashThatWouldOtherwiseEscapeTheClosingQuote() {
    assertThat(InfluxQl.string("d1\\")).isEqualTo("'d1\\\\'");
  }

  @Test
  void writesTimesAsRfc3339Literals() {
    assertThat(InfluxQl.time(Instant.parse("2026-01-31T12:00:00.123456789Z")))
        .isEqualTo("'2026-01-31T12:00:00.123456789Z'");
  }

  @Test
  void acceptsTheBoundsOfInfluxDbsTimeRange() {
    assertThat(InfluxQl.time(InfluxQl.MIN_TIME)).isEqualTo("'1677-09-21T00:12:43.145224194Z'");
    assertThat(InfluxQl.time(InfluxQl.MAX_TIME)).isEqualTo("'2262-04-11T23:47:16.854775806Z'");
  }

  @Test
  void rejectsTimesInfluxDbCannotStore() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> InfluxQl.time(InfluxQl.MAX_TIME.plusNanos(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> InfluxQl.time(InfluxQl.MIN_TIME.minusNanos(1)));
  }

  @Test
  void qualifiesAMeasurementWithDatabaseAndRetentionPolicy() {
    assertThat(InfluxQl.qualifiedMeasurement("iot", "raw", "telemetry"))
        .isEqualTo("\"iot\".\"raw\".\"telemetry\"");
  }
}
