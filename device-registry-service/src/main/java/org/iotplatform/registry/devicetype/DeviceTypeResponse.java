package org.iotplatform.registry.devicetype;

import java.time.Instant;
import java.util.Map;

/** A device type as the API shows it. */
public record DeviceTypeResponse(
    String name, Map<String, MetricRange> metrics, Instant createdAt) {}
