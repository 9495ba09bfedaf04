package org.iotplatform.flink.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceUpdateDeserializerTest {

  private static final String SNAPSHOT =
      """
      {"tenantId":"acme","deviceId":"thermo-1","type":"thermometer","name":"Kitchen",
      "labels":{"site":"berlin","floor":"2"},"firmwareVersion":"2.4.1","status":"OFFLINE",
      "version":3,"updatedAt":"2024-11-22T13:00:00Z","credentials":[{"id":"6f1c","kind":"TOKEN",
      "serial":null,"thumbprint":null,"tokenHash":"$argon2id$x","notBefore":null,"notAfter":null,
      "revokedAt":null}],"someFutureField":{"x":1}}
      """;

  private final DeviceUpdateDeserializer underTest = new DeviceUpdateDeserializer();

  @Test
  void readsTheTenantTypeSortedLabelsAndVersionOfASnapshot() {
    assertThat(underTest.toUpdate(bytes("thermo-1"), bytes(SNAPSHOT)))
        .isEqualTo(
            DeviceUpdate.snapshot(
                "thermo-1",
                new DeviceInfo(
                    "acme",
                    "thermometer",
                    List.of(new Label("floor", "2"), new Label("site", "berlin")),
                    3)));
  }

  @Test
  void readsANullValueAsATombstone() {
    assertThat(underTest.toUpdate(bytes("thermo-1"), null))
        .isEqualTo(DeviceUpdate.tombstone("thermo-1"));
  }

  @Test
  void skipsRecordsWithoutKeyOrWithAnotherDevicesSnapshot() {
    assertThat(underTest.toUpdate(null, bytes(SNAPSHOT))).isNull();
    assertThat(underTest.toUpdate(bytes("thermo-2"), bytes(SNAPSHOT))).isNull();
  }

  @Test
  void skipsValuesThatAreNotSnapshots() {
    assertThat(underTest.toUpdate(bytes("thermo-1"), bytes("{\"tenantId\":"))).isNull();
    assertThat(underTest.toUpdate(bytes("thermo-1"), bytes("[]"))).isNull();
    assertThat(underTest.toUpdate(bytes("thermo-1"), bytes("{\"deviceId\":\"thermo-1\"}")))
        .isNull();
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
