package org.iotplatform.registry.device;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a device search matches; every non-null component narrows it.
 *
 * @param labels every pair must be among the device's labels
 * @param text a case-insensitive substring of the id or the name
 * @param lastSeenFrom inclusive
 * @param lastSeenTo exclusive
 * @param locationBox the device's location must lie inside
 * @param group the device must be in the group
 */
record DeviceFilter(
    @Nullable String type,
    @Nullable DeviceStatus status,
    @Nullable String firmwareVersion,
    Map<String, String> labels,
    @Nullable String text,
    @Nullable Instant lastSeenFrom,
    @Nullable Instant lastSeenTo,
    @Nullable LocationBox locationBox,
    @Nullable GroupScope group) {

  /** Every device of the group. */
  static DeviceFilter of(GroupScope group) {
    return new DeviceFilter(null, null, null, Map.of(), null, null, null, null, group);
  }
}
