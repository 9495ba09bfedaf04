package org.iotplatform.registry.device;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the search as one SQL statement with bound parameters only. The conditions match the
 * indexes of migration V1, and the keyset condition {@code id > :after} with {@code ORDER BY id}
 * reads the next page from where the last one ended, however deep (no OFFSET).
 */
class DeviceSearchImpl implements DeviceSearch {

  private final EntityManager entityManager;
  private final JsonMapper json;

  DeviceSearchImpl(EntityManager entityManager, JsonMapper json) {
    this.entityManager = entityManager;
    this.json = json;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<DeviceEntity> search(
      String tenant, DeviceFilter filter, @Nullable String afterId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM devices WHERE tenant_id = :tenant");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("tenant", tenant);
    if (filter.type() != null) {
      sql.append(" AND type = :type");
      parameters.put("type", filter.type());
    }
    if (filter.status() != null) {
      sql.append(" AND status = :status");
      parameters.put("status", filter.status().name());
    }
    if (filter.firmwareVersion() != null) {
      sql.append(" AND firmware_version = :firmware");
      parameters.put("firmware", filter.firmwareVersion());
    }
    if (!filter.labels().isEmpty()) {
      sql.append(" AND labels @> CAST(:labels AS jsonb)");
      parameters.put("labels", json.writeValueAsString(filter.labels()));
    }
    if (filter.text() != null) {
      sql.append(" AND (lower(id) LIKE :text ESCAPE '\\' OR lower(name) LIKE :text ESCAPE '\\')");
      parameters.put("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
    }
    if (filter.lastSeenFrom() != null) {
      sql.append(" AND last_seen >= :lastSeenFrom");
      parameters.put("lastSeenFrom", filter.lastSeenFrom());
    }
    if (filter.lastSeenTo() != null) {
      sql.append(" AND last_seen < :lastSeenTo");
      parameters.put("lastSeenTo", filter.lastSeenTo());
    }
    if (afterId != null) {
      sql.append(" AND id > :after");
      parameters.put("after", afterId);
    }
    sql.append(" ORDER BY id LIMIT :limit");
    parameters.put("limit", limit);

    Query query = entityManager.createNativeQuery(sql.toString(), DeviceEntity.class);
    parameters.forEach(query::setParameter);
    return query.getResultList();
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
