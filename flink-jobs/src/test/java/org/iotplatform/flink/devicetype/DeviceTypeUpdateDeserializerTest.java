package org.iotplatform.flink.devicetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceTypeUpdateDeserializerTest {

  private static final String SNAPSHOT =
      """
      {"tenantId":"acme","name":"thermometer","metrics":{
      "temperature":{"unit":"Cel","min":-40.0,"max":85.0},"battery":{"unit":"%","min":0,"max":null},
      "mode":{"unit":null,"min":null,"max":null}},"version":2,"updatedAt":"2024-11-22T13:00:00Z",
      "someFutureField":{"x":1}}
      """;

  private final DeviceTypeUpdateDeserializer underTest = new DeviceTypeUpdateDeserializer();

  @Test
  void readsTheBoundedMetricsAndVersionOfASnapshot() {
    assertThat(underTest.toUpdate(bytes("acme/thermometer"), bytes(SNAPSHOT)))
        .isEqualTo(
            DeviceTypeUpdate.snapshot(
                "acme/thermometer",
                new DeviceTypeInfo(
                    List.of(
                        new MetricBounds("battery", 0.0, null),
                        new MetricBounds("temperature", -40.0, 85.0)),
                    2)));
  }

  @Test
  void readsANullValueAsATombstone() {
    assertThat(underTest.toUpdate(bytes("acme/thermometer"), null))
        .isEqualTo(DeviceTypeUpdate.tombstone("acme/thermometer"));
  }

  @Test
  void skipsRecordsWithoutKeyOrWithAnotherTypesSnapshot() {
    assertThat(underTest.toUpdate(null, bytes(SNAPSHOT))).isNull();
    assertThat(underTest.toUpdate(bytes("other/thermometer"), bytes(SNAPSHOT))).isNull();
    assertThat(underTest.toUpdate(bytes("thermometer"), bytes(SNAPSHOT))).isNull();
  }

  @Test
  void skipsValuesThatAreNotSnapshots() {
    assertThat(underTest.toUpdate(bytes("acme/t"), bytes("{\"tenantId\":"))).isNull();
    assertThat(underTest.toUpdate(bytes("acme/t"), bytes("[]"))).isNull();
    assertThat(underTest.toUpdate(bytes("acme/t"), bytes("{\"tenantId\":\"acme\",\"name\":\"t\"}")))
        .isNull();
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
