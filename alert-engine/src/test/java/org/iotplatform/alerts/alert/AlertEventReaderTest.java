package org.iotplatform.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.iotplatform.contracts.AlertEvent;
import org.junit.jupiter.api.Test;

class AlertEventReaderTest {

  private static final String CONTRACT_EXAMPLE =
      """
      {"eventId":"5d0c/freezer-7/1732280000123/FIRED","alertId":"5d0c/freezer-7/1732280000123",
      "kind":"FIRED","tenantId":"default","ruleId":"5d0c","ruleVersion":3,
      "ruleName":"Freezer too warm","severity":"HIGH","deviceId":"freezer-7",
      "metric":"temperature","value":-12.5,"at":"2024-11-22T13:00:00.123Z",
      "firedAt":"2024-11-22T13:00:00.123Z","reason":"temperature -12.5 > -15.0 for 3 readings",
      "emittedAt":"2024-11-22T13:00:00.180Z","addedLater":true}
      """;

  @Test
  void readsTheContractsExampleIgnoringUnknownFields() {
    AlertEvent underTest = AlertEventReader.read(bytes(CONTRACT_EXAMPLE)).orElseThrow();

    assertThat(underTest.alertId()).isEqualTo("5d0c/freezer-7/1732280000123");
    assertThat(underTest.ruleVersion()).isEqualTo(3);
    assertThat(underTest.value()).isEqualTo(-12.5);
    assertThat(underTest.firedAt()).isEqualTo(Instant.parse("2024-11-22T13:00:00.123Z"));
  }

  @Test
  void readsAnOfflineResolutionWithoutMetricOrValue() {
    String json =
        CONTRACT_EXAMPLE
            .replace("\"metric\":\"temperature\",\"value\":-12.5,", "")
            .replace("FIRED", "RESOLVED");

    AlertEvent underTest = AlertEventReader.read(bytes(json)).orElseThrow();

    assertThat(underTest.kind()).isEqualTo(AlertEvent.RESOLVED);
    assertThat(underTest.metric()).isNull();
    assertThat(underTest.value()).isNull();
  }

  @Test
  void skipsUnreadableJson() {
    assertThat(AlertEventReader.read(bytes("{\"eventId\":"))).isEmpty();
    assertThat(AlertEventReader.read(new byte[0])).isEmpty();
    assertThat(AlertEventReader.read(null)).isEmpty();
  }

  @Test
  void skipsAnEventWithoutTenant() {
    assertThat(
            AlertEventReader.read(bytes(CONTRACT_EXAMPLE.replace("\"tenantId\":\"default\",", ""))))
        .isEmpty();
  }

  @Test
  void skipsAnUnknownKindOrSeverity() {
    assertThat(AlertEventReader.read(bytes(CONTRACT_EXAMPLE.replace("FIRED", "EXPLODED"))))
        .isEmpty();
    assertThat(AlertEventReader.read(bytes(CONTRACT_EXAMPLE.replace("HIGH", "DIRE")))).isEmpty();
  }

  @Test
  void skipsAnEventWhoseIdsDoNotFitTogether() {
    assertThat(
            AlertEventReader.read(
                bytes(CONTRACT_EXAMPLE.replace("1732280000123/FIRED", "1732280000999/FIRED"))))
        .isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
