package org.iotplatform.flink.enrichment;

import org.iotplatform.contracts.DeviceSnapshot;
import org.iotplatform.flink.snapshot.SnapshotTopicDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a record of {@code iot.devices.v1}: a {@link DeviceSnapshot} as JSON, or a tombstone. A bad
 * record is skipped (see {@link SnapshotTopicDeserializer}); its device keeps its previous
 * snapshot.
 */
public final class DeviceUpdateDeserializer
    extends SnapshotTopicDeserializer<DeviceSnapshot, DeviceUpdate> {

  private static final long serialVersionUID = 1L;

  public DeviceUpdateDeserializer() {
    super(DeviceSnapshot.class, DeviceUpdate.class, "device snapshot");
  }

  @Override
  protected DeviceUpdate tombstone(String deviceId) {
    return DeviceUpdate.tombstone(deviceId);
  }

  @Override
  protected @Nullable DeviceUpdate update(String deviceId, DeviceSnapshot snapshot) {
    if (!deviceId.equals(snapshot.deviceId())
        || snapshot.tenantId() == null
        || snapshot.type() == null) {
      return null;
    }
    return DeviceUpdate.snapshot(deviceId, DeviceInfo.of(snapshot));
  }
}
