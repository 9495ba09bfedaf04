package org.iotplatform.bridge.internal.view;

import java.time.Instant;
import org.iotplatform.contracts.DeviceSnapshot;
import org.jspecify.annotations.Nullable;

/** Fills a {@link DeviceView} in tests of other packages. */
public final class TestViews {

  private TestViews() {}

  /** Puts one device with one token credential into {@code view} and marks it ready. */
  public static void ready(
      DeviceView view,
      String deviceId,
      String credentialId,
      String tokenHash,
      @Nullable Instant revokedAt) {
    put(view, deviceId, 1, credentialId, tokenHash, revokedAt);
    view.markReady();
  }

  /** Puts a snapshot of {@code version} with one token credential into {@code view}. */
  public static void put(
      DeviceView view,
      String deviceId,
      long version,
      String credentialId,
      String tokenHash,
      @Nullable Instant revokedAt) {
    view.apply(
        deviceId,
        TestSnapshots.snapshot(
            deviceId, version, TestSnapshots.token(credentialId, tokenHash, revokedAt)));
  }

  /** Puts {@code snapshot} into {@code view} and marks it ready. */
  public static void ready(DeviceView view, DeviceSnapshot snapshot) {
    view.apply(snapshot.deviceId(), snapshot);
    view.markReady();
  }

  /** Applies a tombstone of {@code deviceId}. */
  public static void delete(DeviceView view, String deviceId) {
    view.apply(deviceId, null);
  }
}
