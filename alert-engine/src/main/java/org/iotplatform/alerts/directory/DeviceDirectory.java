package org.iotplatform.alerts.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the alert engine knows of the registry's devices and device types, from their compacted
 * topics: eventually consistent, a device created a moment ago may not be known yet.
 */
@Component
public class DeviceDirectory {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;

  DeviceDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The type of the tenant's device, or empty when the tenant has no such device. */
  public Optional<String> typeOf(String tenantId, String deviceId) {
    return jdbc
        .query(
            "SELECT type FROM directory_devices WHERE tenant_id = ? AND device_id = ?",
            (rs, i) -> rs.getString(1),
            tenantId,
            deviceId)
        .stream()
        .findFirst();
  }

  /** The distinct types of the tenant's devices among these ids (unknown ids add nothing). */
  public Set<String> typesOf(String tenantId, List<String> deviceIds) {
    if (deviceIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.query(
            con -> {
              var statement =
                  con.prepareStatement(
                      "SELECT DISTINCT type FROM directory_devices"
                          + " WHERE tenant_id = ? AND device_id = ANY (?)");
              statement.setString(1, tenantId);
              statement.setArray(2, con.createArrayOf("text", deviceIds.toArray()));
              return statement;
            },
            (rs, i) -> rs.getString(1)));
  }

  /** The distinct types of the tenant's devices that carry all these labels. */
  public Set<String> typesWithLabels(String tenantId, Map<String, String> labels) {
    return Set.copyOf(
        jdbc.queryForList(
            "SELECT DISTINCT type FROM directory_devices WHERE tenant_id = ? AND labels @> ?::jsonb",
            String.class,
            tenantId,
            MAPPER.writeValueAsString(labels)));
  }

  /** Every device type the tenant has, with or without devices. */
  public Set<String> typesOfTenant(String tenantId) {
    return Set.copyOf(
        jdbc.queryForList(
            "SELECT name FROM directory_device_types WHERE tenant_id = ?", String.class, tenantId));
  }

  /**
   * The metrics each of these types of the tenant declares, by type name; a known type declaring
   * none maps to an empty set, an unknown type is left out.
   */
  public Map<String, Set<String>> declaredMetrics(String tenantId, Set<String> types) {
    if (types.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .query(
            con -> {
              var statement =
                  con.prepareStatement(
                      "SELECT name, metrics FROM directory_device_types"
                          + " WHERE tenant_id = ? AND name = ANY (?)");
              statement.setString(1, tenantId);
              statement.setArray(2, con.createArrayOf("text", types.toArray()));
              return statement;
            },
            (rs, i) -> Map.entry(rs.getString(1), Set.of((String[]) rs.getArray(2).getArray())))
        .stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
