package org.iotplatform.registry.fleet;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Folds the rows of the summary's aggregate into a {@link FleetSummary}. */
final class FleetCounts {

  /** Which grouping set a row of the aggregate belongs to. */
  enum Dimension {
    STATUS,
    FIRMWARE,
    TYPE
  }

  /**
   * One row of the aggregate.
   *
   * @param key the status, firmware version (null: none) or type name
   */
  record Row(Dimension dimension, @Nullable String key, long devices) {}

  private FleetCounts() {}

  static FleetSummary summary(List<Row> rows) {
    long online = 0;
    long offline = 0;
    long withoutFirmware = 0;
    // Sorted, so that dashboards and diffs see a stable order.
    Map<String, Long> byType = new TreeMap<>();
    Map<String, Long> byFirmware = new TreeMap<>();
    for (Row row : rows) {
      switch (row.dimension()) {
        case STATUS -> {
          if ("ONLINE".equals(row.key())) {
            online += row.devices();
          } else {
            offline += row.devices();
          }
        }
        case FIRMWARE -> {
          if (row.key() == null) {
            withoutFirmware += row.devices();
          } else {
            byFirmware.put(row.key(), row.devices());
          }
        }
        case TYPE -> byType.put(String.valueOf(row.key()), row.devices());
      }
    }
    return new FleetSummary(online + offline, online, offline, byType, byFirmware, withoutFirmware);
  }
}
