package org.iotplatform.registry.device;

import java.time.Instant;
import java.util.List;
import org.iotplatform.contracts.DeviceSnapshot;

/**
 * A device's credentials as its snapshot on the devices topic carries them. The credential feature
 * implements it; this package only asks, so that it does not depend on that feature (which depends
 * on this one).
 */
public interface DeviceCredentials {

  /**
   * The credentials to put in the device's snapshot taken at {@code at}, oldest first; read in the
   * caller's transaction, so they include its own uncommitted changes.
   */
  List<DeviceSnapshot.Credential> forSnapshot(String tenant, String deviceId, Instant at);
}
