package org.iotplatform.registry.device;

import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WHERE clause of a native query over the {@code devices} table of one tenant, with bound
 * parameters only. The device search and other features' aggregates (the fleet summary) build their
 * conditions here, so that a filter or a group selects the same devices everywhere.
 *
 * <p>Parameters are numbered as they are added ({@code :p0}, {@code :p1}, ...), so that two
 * conditions on one column (the search's {@code type} and a dynamic group's) never share a
 * parameter. The columns are unqualified: the query must read {@code devices} without an alias.
 */
public final class DeviceWhere {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StringBuilder sql = new StringBuilder();
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final String tenant;
  // The members and keyset conditions are rendered last, by sql(), because each shapes the other.
  private @Nullable String membersOf;
  private @Nullable String afterId;

  /** Starts with the tenant condition, which every query over devices needs. */
  public DeviceWhere(String tenant) {
    this.tenant = bind(tenant);
    sql.append("tenant_id = ").append(this.tenant);
  }

  public DeviceWhere type(@Nullable String type) {
    if (type != null) {
      and("type = " + bind(type));
    }
    return this;
  }

  DeviceWhere status(@Nullable DeviceStatus status) {
    if (status != null) {
      and("status = " + bind(status.name()));
    }
    return this;
  }

  DeviceWhere firmwareVersion(@Nullable String firmwareVersion) {
    if (firmwareVersion != null) {
      and("firmware_version = " + bind(firmwareVersion));
    }
    return this;
  }

  /** Every pair must be among the device's labels (answered by the GIN index on labels). */
  DeviceWhere labels(Map<String, String> labels) {
    if (!labels.isEmpty()) {
      and("labels @> CAST(" + bind(JSON.writeValueAsString(labels)) + " AS jsonb)");
    }
    return this;
  }

  /** A case-insensitive substring of the id or the name; LIKE wildcards are taken literally. */
  DeviceWhere text(@Nullable String text) {
    if (text != null) {
      String pattern = bind("%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
      and(
          "(lower(id) LIKE "
              + pattern
              + " ESCAPE '\\' OR lower(name) LIKE "
              + pattern
              + " ESCAPE '\\')");
    }
    return this;
  }

  DeviceWhere lastSeen(@Nullable Instant fromInclusive, @Nullable Instant toExclusive) {
    if (fromInclusive != null) {
      and("last_seen >= " + bind(fromInclusive));
    }
    if (toExclusive != null) {
      and("last_seen < " + bind(toExclusive));
    }
    return this;
  }

  DeviceWhere locationBox(@Nullable LocationBox box) {
    if (box != null) {
      // A device without a location has null lat and lon, which no BETWEEN matches.
      and("lat BETWEEN " + bind(box.minLat()) + " AND " + bind(box.maxLat()));
      and("lon BETWEEN " + bind(box.minLon()) + " AND " + bind(box.maxLon()));
    }
    return this;
  }

  /** The devices of the group, or no condition for a null scope. */
  public DeviceWhere group(@Nullable GroupScope scope) {
    if (scope instanceof GroupScope.Members members) {
      if (membersOf != null) {
        throw new IllegalStateException("a query selects the members of one group at most");
      }
      membersOf = bind(members.groupId());
    } else if (scope instanceof GroupScope.Matching matching) {
      DeviceCriteria criteria = matching.criteria();
      type(criteria.type());
      labels(criteria.labels());
      firmwareVersion(criteria.firmwareVersion());
      locationBox(criteria.locationBox());
    }
    return this;
  }

  /** The keyset condition of the next page: ids after the last one of the previous page. */
  DeviceWhere afterId(@Nullable String afterId) {
    if (afterId != null) {
      this.afterId = bind(afterId);
    }
    return this;
  }

  /** The conditions joined with AND, without the keyword WHERE. */
  public String sql() {
    StringBuilder all = new StringBuilder(sql);
    if (membersOf != null) {
      // The keyset bound inside too: PostgreSQL does not carry it over the join by itself, and
      // without it a deep page of a large group would read the members before the cursor again.
      all.append(" AND id IN (SELECT m.device_id FROM device_group_members m WHERE m.tenant_id = ")
          .append(tenant)
          .append(" AND m.group_id = ")
          .append(membersOf)
          .append(afterId == null ? "" : " AND m.device_id > " + afterId)
          .append(')');
    }
    if (afterId != null) {
      all.append(" AND id > ").append(afterId);
    }
    return all.toString();
  }

  public Map<String, Object> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  /** Binds the parameters of these conditions to a query that contains them. */
  public void bindTo(Query query) {
    parameters.forEach(query::setParameter);
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private void and(String condition) {
    sql.append(" AND ").append(condition);
  }

  private String bind(Object value) {
    String name = "p" + parameters.size();
    parameters.put(name, value);
    return ":" + name;
  }
}
