package org.iotplatform.registry.device;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

  /**
   * {@link #forSnapshot} for many devices in one read (bulk imports): device id to its credentials,
   * oldest first; a device without credentials is absent.
   */
  Map<String, List<DeviceSnapshot.Credential>> forSnapshots(
      String tenant, Collection<String> deviceIds, Instant at);
}
