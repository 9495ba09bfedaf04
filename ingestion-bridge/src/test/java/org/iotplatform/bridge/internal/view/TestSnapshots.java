package org.iotplatform.bridge.internal.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.DeviceSnapshot;
import org.iotplatform.contracts.DeviceSnapshot.Credential;
import org.jspecify.annotations.Nullable;

/** Snapshots for tests. */
public final class TestSnapshots {

  private TestSnapshots() {}

  public static DeviceSnapshot snapshot(String deviceId, long version, Credential... credentials) {
    return new DeviceSnapshot(
        "default",
        deviceId,
        "thermometer",
        null,
        Map.of(),
        null,
        "OFFLINE",
        version,
        Instant.parse("2026-01-01T00:00:00Z"),
        List.of(credentials));
  }

  public static Credential certificate(String id, String thumbprint, @Nullable Instant revokedAt) {
    return new Credential(id, Credential.CERTIFICATE, "1", thumbprint, null, null, null, revokedAt);
  }

  public static Credential token(String id, String hash, @Nullable Instant revokedAt) {
    return new Credential(id, Credential.TOKEN, null, null, hash, null, null, revokedAt);
  }
}
