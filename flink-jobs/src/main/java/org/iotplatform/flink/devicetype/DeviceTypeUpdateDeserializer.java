package org.iotplatform.flink.devicetype;

import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.iotplatform.flink.snapshot.SnapshotTopicDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a record of {@code iot.device-types.v1}: a {@link DeviceTypeSnapshot} as JSON, or a
 * tombstone. A bad record is skipped (see {@link SnapshotTopicDeserializer}); the type keeps its
 * previous ranges.
 */
public final class DeviceTypeUpdateDeserializer
    extends SnapshotTopicDeserializer<DeviceTypeSnapshot, DeviceTypeUpdate> {

  private static final long serialVersionUID = 1L;

  public DeviceTypeUpdateDeserializer() {
    super(DeviceTypeSnapshot.class, DeviceTypeUpdate.class, "device type snapshot");
  }

  @Override
  protected DeviceTypeUpdate tombstone(String typeKey) {
    return DeviceTypeUpdate.tombstone(typeKey);
  }

  @Override
  protected @Nullable DeviceTypeUpdate update(String typeKey, DeviceTypeSnapshot snapshot) {
    if (snapshot.tenantId() == null
        || snapshot.name() == null
        || !typeKey.equals(DeviceTypeSnapshot.key(snapshot.tenantId(), snapshot.name()))) {
      return null;
    }
    return DeviceTypeUpdate.snapshot(typeKey, DeviceTypeInfo.of(snapshot));
  }
}
