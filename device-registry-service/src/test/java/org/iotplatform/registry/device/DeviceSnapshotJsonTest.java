package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.iotplatform.contracts.DeviceSnapshot;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DeviceSnapshotJsonTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void writesEveryFieldWithTheInstantAsIso8601() {
    var snapshot =
        new DeviceSnapshot(
            "default",
            "thermo-1",
            "thermometer",
            "Kitchen",
            Map.of("site", "berlin"),
            "2.4.1",
            "OFFLINE",
            3,
            Instant.parse("2024-11-22T13:00:00.123456Z"));

    byte[] underTest = DeviceSnapshotJson.toJson(snapshot);

    assertThat(json.readTree(underTest))
        .isEqualTo(
            json.readTree(
                """
                {"tenantId": "default", "deviceId": "thermo-1", "type": "thermometer",
                 "name": "Kitchen", "labels": {"site": "berlin"}, "firmwareVersion": "2.4.1",
                 "status": "OFFLINE", "version": 3, "updatedAt": "2024-11-22T13:00:00.123456Z"}
                """));
  }

  @Test
  void writesAbsentOptionalFieldsAsNull() {
    var snapshot =
        new DeviceSnapshot("default", "d-1", "t", null, Map.of(), null, "ONLINE", 0, Instant.EPOCH);

    String underTest = new String(DeviceSnapshotJson.toJson(snapshot), StandardCharsets.UTF_8);

    assertThat(json.readTree(underTest))
        .isEqualTo(
            json.readTree(
                """
                {"tenantId": "default", "deviceId": "d-1", "type": "t", "name": null,
                 "labels": {}, "firmwareVersion": null, "status": "ONLINE", "version": 0,
                 "updatedAt": "1970-01-01T00:00:00Z"}
                """));
  }

  @Test
  void readsBackIntoTheContractRecord() {
    var snapshot =
        new DeviceSnapshot(
            "default", "d-1", "t", "n", Map.of("a", "b"), "1.0", "OFFLINE", 2, Instant.EPOCH);

    assertThat(json.readValue(DeviceSnapshotJson.toJson(snapshot), DeviceSnapshot.class))
        .isEqualTo(snapshot);
  }
}
