package org.iotplatform.registry.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.DeviceSnapshot;
import org.iotplatform.registry.device.DeviceCredentials;
import org.springframework.stereotype.Component;

/** The credentials a device snapshot carries: the device's, oldest first, less long-ended ones. */
@Component
class CredentialSnapshots implements DeviceCredentials {

  /**
   * How long an ended (revoked or expired) credential stays in snapshots: long enough that a bridge
   * logs "revoked" rather than "unknown", short enough that a device rotating often does not grow
   * its record without bound. Either way the bridge refuses it.
   */
  static final Duration ENDED_KEPT = Duration.ofDays(30);

  private final CredentialRepository repository;

  CredentialSnapshots(CredentialRepository repository) {
    this.repository = repository;
  }

  @Override
  public List<DeviceSnapshot.Credential> forSnapshot(String tenant, String deviceId, Instant at) {
    return repository.findByTenantIdAndDeviceIdOrderByCreatedAtAscIdAsc(tenant, deviceId).stream()
        .filter(credential -> isKept(credential, at))
        .map(CredentialEntity::toSnapshot)
        .toList();
  }

  @Override
  public Map<String, List<DeviceSnapshot.Credential>> forSnapshots(
      String tenant, Collection<String> deviceIds, Instant at) {
    Map<String, List<DeviceSnapshot.Credential>> byDevice = new HashMap<>();
    if (deviceIds.isEmpty()) {
      return byDevice;
    }
    for (CredentialEntity credential :
        repository.findByTenantIdAndDeviceIdInOrderByCreatedAtAscIdAsc(tenant, deviceIds)) {
      if (isKept(credential, at)) {
        byDevice
            .computeIfAbsent(credential.deviceId(), id -> new ArrayList<>())
            .add(credential.toSnapshot());
      }
    }
    return byDevice;
  }

  /** Whether a snapshot taken at {@code at} lists the credential. */
  static boolean isKept(CredentialEntity credential, Instant at) {
    Instant end = credential.end();
    return end == null || end.isAfter(at.minus(ENDED_KEPT));
  }
}
