package org.iotplatform.registry.fleet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import org.iotplatform.registry.device.DeviceWhere;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The summary as one aggregate: one scan of the selected devices, grouped three ways at once
 * ({@code GROUPING SETS}), so the counts agree with each other even while devices change.
 */
@Repository
class FleetSummaryRepository {

  // In each grouping set the other two columns are null, so COALESCE yields the set's own key;
  // GROUPING tells the firmware set's null (no version) from the columns grouped away.
  private static final String SELECT =
      "SELECT CASE WHEN GROUPING(status) = 0 THEN 'STATUS'"
          + " WHEN GROUPING(firmware_version) = 0 THEN 'FIRMWARE' ELSE 'TYPE' END,"
          + " COALESCE(status, firmware_version, type), count(*)"
          + " FROM devices WHERE ";
  private static final String GROUP_BY =
      " GROUP BY GROUPING SETS ((status), (firmware_version), (type))";

  private final EntityManager entityManager;

  FleetSummaryRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  List<FleetCounts.Row> counts(DeviceWhere where) {
    Query query = entityManager.createNativeQuery(SELECT + where.sql() + GROUP_BY);
    where.bindTo(query);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(FleetSummaryRepository::row).toList();
  }

  private static FleetCounts.Row row(Object[] columns) {
    @Nullable Object key = columns[1];
    return new FleetCounts.Row(
        FleetCounts.Dimension.valueOf((String) columns[0]),
        key == null ? null : key.toString(),
        ((Number) columns[2]).longValue());
  }
}
