package org.iotplatform.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelemetryMessageTest {

  @Test
  void encodesTheContractsJsonWithTimestampSequenceAndMetricsInOrder() {
    TelemetryMessage underTest =
        TelemetryMessage.builder()
            .timestamp(Instant.ofEpochMilli(1732280000123L))
            .sequence(42)
            .metric("temperature", 23.4)
            .metric("humidity", 60L)
            .metric("door_open", true)
            .metric("mode", "eco")
            .build();

    assertThat(underTest.toJson())
        .isEqualTo(
            "{\"ts\":1732280000123,\"seq\":42,\"metrics\":"
                + "{\"temperature\":23.4,\"humidity\":60,\"door_open\":true,\"mode\":\"eco\"}}");
  }

  @Test
  void leavesOutTimestampAndSequenceWhenNotGiven() {
    TelemetryMessage underTest = TelemetryMessage.builder().metric("t", 1.5).build();

    assertThat(new String(underTest.toPayload(), StandardCharsets.UTF_8))
        .isEqualTo("{\"metrics\":{\"t\":1.5}}");
  }

  @Test
  void escapesQuotesBackslashesAndControlCharactersInStrings() {
    TelemetryMessage underTest =
        TelemetryMessage.builder().metric("na\"me", "a\\b\n\u0001").build();

    assertThat(underTest.toJson()).isEqualTo("{\"metrics\":{\"na\\\"me\":\"a\\\\b\\n\\u0001\"}}");
  }

  @Test
  void refusesNonFiniteNumbers() {
    assertThatThrownBy(() -> TelemetryMessage.builder().metric("t", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a finite number");
  }

  @Test
  void refusesTooLongStrings() {
    assertThatThrownBy(() -> TelemetryMessage.builder().metric("s", "x".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than 256");
  }

  @Test
  void refusesAMessageWithoutMetrics() {
    assertThatThrownBy(() -> TelemetryMessage.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one metric");
  }
}
