package org.iotplatform.registry.group;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The filter of a dynamic group, as the API takes and shows it and as the {@code filter} column
 * stores it. Every given component narrows the group; at least one is required.
 *
 * @param type the device type's name
 * @param labels every pair must be among the device's labels
 * @param firmwareVersion the exact version
 * @param locationBox the device's location must lie inside (bounds inclusive)
 */
public record GroupFilter(
    @Nullable String type,
    @Nullable Map<String, String> labels,
    @Nullable String firmwareVersion,
    @Nullable Box locationBox) {

  /** Latitude and longitude bounds in WGS 84 degrees; all four are required. */
  public record Box(
      @Nullable Double minLat,
      @Nullable Double maxLat,
      @Nullable Double minLon,
      @Nullable Double maxLon) {}
}
