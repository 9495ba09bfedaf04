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
 */
record DeviceFilter(
    @Nullable String type,
    @Nullable DeviceStatus status,
    @Nullable String firmwareVersion,
    Map<String, String> labels,
    @Nullable String text,
    @Nullable Instant lastSeenFrom,
    @Nullable Instant lastSeenTo) {}
