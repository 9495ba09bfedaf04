package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.DeviceSnapshot;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DeviceSnapshotJsonTest {

  private static final DeviceSnapshot.Credential CERTIFICATE =
      new DeviceSnapshot.Credential(
          "6f1c2b1e-8d3a-4c1e-9a57-0e4f2b9c1d11",
          DeviceSnapshot.Credential.CERTIFICATE,
          "7a3e",
          "9b2d".repeat(16),
          null,
          Instant.parse("2024-11-22T12:55:00Z"),
          Instant.parse("2025-11-22T12:55:00Z"),
          null);
  private static final DeviceSnapshot.Credential TOKEN =
      new DeviceSnapshot.Credential(
          "0a9e7d4c-2f3b-4e5a-8c6d-1b2a3c4d5e6f",
          DeviceSnapshot.Credential.TOKEN,
          null,
          null,
          "$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA",
          null,
          null,
          Instant.parse("2024-11-23T13:00:00Z"));

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
            Instant.parse("2024-11-22T13:00:00.123456Z"),
            List.of());

    byte[] underTest = DeviceSnapshotJson.toJson(snapshot);

    assertThat(json.readTree(underTest))
        .isEqualTo(
            json.readTree(
                """
                {"tenantId": "default", "deviceId": "thermo-1", "type": "thermometer",
                 "name": "Kitchen", "labels": {"site": "berlin"}, "firmwareVersion": "2.4.1",
                 "status": "OFFLINE", "version": 3, "updatedAt": "2024-11-22T13:00:00.123456Z",
                 "credentials": []}
                """));
  }

  @Test
  void writesAbsentOptionalFieldsAsNull() {
    var snapshot =
        new DeviceSnapshot(
            "default", "d-1", "t", null, Map.of(), null, "ONLINE", 0, Instant.EPOCH, List.of());

    String underTest = new String(DeviceSnapshotJson.toJson(snapshot), StandardCharsets.UTF_8);

    assertThat(json.readTree(underTest))
        .isEqualTo(
            json.readTree(
                """
                {"tenantId": "default", "deviceId": "d-1", "type": "t", "name": null,
                 "labels": {}, "firmwareVersion": null, "status": "ONLINE", "version": 0,
                 "updatedAt": "1970-01-01T00:00:00Z", "credentials": []}
                """));
  }

  @Test
  void writesCredentialsWithEveryFieldAndInstantsAsIso8601() {
    var snapshot =
        new DeviceSnapshot(
            "default",
            "d-1",
            "t",
            null,
            Map.of(),
            null,
            "OFFLINE",
            4,
            Instant.EPOCH,
            List.of(CERTIFICATE, TOKEN));

    byte[] underTest = DeviceSnapshotJson.toJson(snapshot);

    assertThat(json.readTree(underTest).get("credentials"))
        .isEqualTo(
            json.readTree(
                """
                [{"id": "6f1c2b1e-8d3a-4c1e-9a57-0e4f2b9c1d11", "kind": "CERTIFICATE",
                  "serial": "7a3e", "thumbprint": "%s", "tokenHash": null,
                  "notBefore": "2024-11-22T12:55:00Z", "notAfter": "2025-11-22T12:55:00Z",
                  "revokedAt": null},
                 {"id": "0a9e7d4c-2f3b-4e5a-8c6d-1b2a3c4d5e6f", "kind": "TOKEN",
                  "serial": null, "thumbprint": null,
                  "tokenHash": "$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA",
                  "notBefore": null, "notAfter": null, "revokedAt": "2024-11-23T13:00:00Z"}]
                """
                    .formatted("9b2d".repeat(16))));
  }

  @Test
  void readsARecordWrittenBeforeCredentialsWereAddedAsHavingNone() {
    String old =
        """
        {"tenantId": "default", "deviceId": "d-1", "type": "t", "name": null, "labels": {},
         "firmwareVersion": null, "status": "OFFLINE", "version": 2,
         "updatedAt": "1970-01-01T00:00:00Z"}
        """;

    DeviceSnapshot underTest = json.readValue(old, DeviceSnapshot.class);

    assertThat(underTest.credentials()).isEmpty();
    assertThat(underTest.version()).isEqualTo(2);
  }

  @Test
  void readsBackIntoTheContractRecord() {
    var snapshot =
        new DeviceSnapshot(
            "default",
            "d-1",
            "t",
            "n",
            Map.of("a", "b"),
            "1.0",
            "OFFLINE",
            2,
            Instant.EPOCH,
            List.of(CERTIFICATE, TOKEN));

    assertThat(json.readValue(DeviceSnapshotJson.toJson(snapshot), DeviceSnapshot.class))
        .isEqualTo(snapshot);
  }
}
