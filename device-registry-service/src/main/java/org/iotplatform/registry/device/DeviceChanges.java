package org.iotplatform.registry.device;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What an edit changed in a device, for its audit history. */
final class DeviceChanges {

  private DeviceChanges() {}

  /** The fields a device is created with: each given field and its value. */
  static Map<String, @Nullable Object> created(DeviceResponse device) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("type", device.type());
    putIfPresent(fields, "name", device.name());
    if (!device.labels().isEmpty()) {
      fields.put("labels", device.labels());
    }
    putIfPresent(fields, "location", device.location());
    if (!device.metadata().isEmpty()) {
      fields.put("metadata", device.metadata());
    }
    putIfPresent(fields, "firmwareVersion", device.firmwareVersion());
    return fields;
  }

  /** Each editable field whose value differs, as {@code {"from": old, "to": new}}. */
  static Map<String, Map<String, @Nullable Object>> between(
      DeviceResponse before, DeviceResponse after) {
    Map<String, Map<String, @Nullable Object>> changes = new LinkedHashMap<>();
    compare(changes, "name", before.name(), after.name());
    compare(changes, "labels", before.labels(), after.labels());
    compare(changes, "location", before.location(), after.location());
    compare(changes, "metadata", before.metadata(), after.metadata());
    compare(changes, "firmwareVersion", before.firmwareVersion(), after.firmwareVersion());
    return changes;
  }

  private static void compare(
      Map<String, Map<String, @Nullable Object>> changes,
      String field,
      @Nullable Object from,
      @Nullable Object to) {
    if (!Objects.equals(from, to)) {
      Map<String, @Nullable Object> change = new LinkedHashMap<>();
      change.put("from", from);
      change.put("to", to);
      changes.put(field, change);
    }
  }

  private static void putIfPresent(
      Map<String, @Nullable Object> fields, String field, @Nullable Object value) {
    if (value != null) {
      fields.put(field, value);
    }
  }
}
