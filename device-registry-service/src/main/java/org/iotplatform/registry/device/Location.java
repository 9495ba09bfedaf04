package org.iotplatform.registry.device;

import org.jspecify.annotations.Nullable;

/** A position in WGS 84 degrees; both components are required when a location is given. */
public record Location(@Nullable Double lat, @Nullable Double lon) {}
