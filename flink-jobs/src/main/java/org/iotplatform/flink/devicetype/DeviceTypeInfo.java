package org.iotplatform.flink.devicetype;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * What the range check needs of a device type; the value of the broadcast state. Metrics without
 * any bound are left out, so a type without ranges costs next to nothing.
 *
 * @param metrics the bounded metrics, sorted by name
 * @param version the snapshot's version; a snapshot with a version not above it is ignored
 */
public record DeviceTypeInfo(List<MetricBounds> metrics, long version) {

  private static final Comparator<MetricBounds> BY_NAME =
      Comparator.comparing(MetricBounds::metric);

  public DeviceTypeInfo {
    metrics = metrics.stream().sorted(BY_NAME).toList();
  }

  /** The range-relevant part of {@code snapshot}. */
  public static DeviceTypeInfo of(DeviceTypeSnapshot snapshot) {
    return new DeviceTypeInfo(
        snapshot.metrics().entrySet().stream()
            .filter(metric -> metric.getValue().min() != null || metric.getValue().max() != null)
            .map(
                metric ->
                    new MetricBounds(
                        metric.getKey(), metric.getValue().min(), metric.getValue().max()))
            .toList(),
        snapshot.version());
  }

  /** The bounds of {@code metric}, or null if the type does not bound it. */
  public @Nullable MetricBounds bounds(String metric) {
    int index = Collections.binarySearch(metrics, new MetricBounds(metric, null, null), BY_NAME);
    return index < 0 ? null : metrics.get(index);
  }
}
