package org.iotplatform.bridge.internal.view;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.iotplatform.contracts.DeviceSnapshot;
import org.junit.jupiter.api.Test;

class DeviceSnapshotJsonTest {

  @Test
  void readsTheRegistrysFormatIgnoringUnknownFields() {
    String json =
        """
        {"tenantId":"acme","deviceId":"thermo-1","type":"thermometer","name":null,
         "labels":{"site":"berlin"},"firmwareVersion":"2.4.1","status":"OFFLINE","version":3,
         "updatedAt":"2024-11-22T13:00:00Z","addedLater":true,
         "credentials":[{"id":"c-1","kind":"TOKEN","serial":null,"thumbprint":null,
           "tokenHash":"$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA","notBefore":null,
           "notAfter":null,"revokedAt":"2024-11-23T00:00:00Z"}]}
        """;

    DeviceSnapshot underTest = DeviceSnapshotJson.read(json.getBytes(UTF_8));

    assertThat(underTest.version()).isEqualTo(3);
    assertThat(underTest.credentials())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.tokenHash()).startsWith("$argon2id$");
              assertThat(c.revokedAt()).isEqualTo(Instant.parse("2024-11-23T00:00:00Z"));
            });
  }

  @Test
  void readsARecordWrittenBeforeCredentialsAsHavingNone() {
    String json =
        """
        {"tenantId":"acme","deviceId":"d","type":"t","labels":{},"status":"OFFLINE",
         "version":1,"updatedAt":"2024-11-22T13:00:00Z"}
        """;

    assertThat(DeviceSnapshotJson.read(json.getBytes(UTF_8)).credentials()).isEmpty();
  }
}
