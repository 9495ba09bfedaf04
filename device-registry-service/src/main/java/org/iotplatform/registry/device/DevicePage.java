package org.iotplatform.registry.device;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a device search, ordered by id; {@code nextCursor} is null on the last page and
 * otherwise fetches the next one with the same filters.
 */
public record DevicePage(List<DeviceResponse> items, @Nullable String nextCursor) {}
