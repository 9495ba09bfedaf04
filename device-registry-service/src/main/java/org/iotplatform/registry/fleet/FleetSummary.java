package org.iotplatform.registry.fleet;

import java.util.Map;

/**
 * Device counts of a tenant's fleet (or of the part a filter selects) at one moment.
 *
 * @param total every selected device; {@code online + offline}
 * @param byType devices per device type, by type name
 * @param byFirmwareVersion devices per firmware version, by version; devices without a known
 *     version are counted in {@code withoutFirmwareVersion} instead
 */
public record FleetSummary(
    long total,
    long online,
    long offline,
    Map<String, Long> byType,
    Map<String, Long> byFirmwareVersion,
    long withoutFirmwareVersion) {}
