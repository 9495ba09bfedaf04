package org.iotplatform.registry.device;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the search as one SQL statement with bound parameters only. The conditions match the
 * indexes of migrations V1 and V30, and the keyset condition {@code id > :after} with {@code ORDER
 * BY id} reads the next page from where the last one ended, however deep (no OFFSET).
 */
class DeviceSearchImpl implements DeviceSearch {

  private final EntityManager entityManager;

  DeviceSearchImpl(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<DeviceEntity> search(
      String tenant, DeviceFilter filter, @Nullable String afterId, int limit) {
    DeviceWhere where =
        new DeviceWhere(tenant)
            .type(filter.type())
            .status(filter.status())
            .firmwareVersion(filter.firmwareVersion())
            .labels(filter.labels())
            .text(filter.text())
            .lastSeen(filter.lastSeenFrom(), filter.lastSeenTo())
            .locationBox(filter.locationBox())
            .group(filter.group())
            .afterId(afterId);
    Query query =
        entityManager.createNativeQuery(
            "SELECT * FROM devices WHERE " + where.sql() + " ORDER BY id LIMIT :limit",
            DeviceEntity.class);
    where.bindTo(query);
    query.setParameter("limit", limit);
    return query.getResultList();
  }
}
