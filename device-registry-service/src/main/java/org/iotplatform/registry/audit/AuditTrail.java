package org.iotplatform.registry.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the devices' audit history. A record is written in the transaction of the change
 * it describes (MANDATORY): a change that rolls back leaves no record, a committed one always has
 * one. Records outlive their device, so the history of a deleted device stays readable.
 */
@Component
public class AuditTrail {

  private static final TypeReference<Map<String, @Nullable Object>> DETAILS =
      new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final AuditActor actor;
  private final Clock clock;

  AuditTrail(JdbcTemplate jdbc, JsonMapper json, AuditActor actor, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.actor = actor;
    this.clock = clock;
  }

  /** Records one change of one device, by the current caller, now. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String tenant,
      String deviceId,
      String action,
      Map<String, ? extends @Nullable Object> details) {
    recordAll(tenant, List.of(deviceId), action, List.of(details));
  }

  /**
   * Records one change each of many devices in one statement (bulk imports).
   *
   * @param details one map per device id, in the same order
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordAll(
      String tenant,
      List<String> deviceIds,
      String action,
      List<? extends Map<String, ? extends @Nullable Object>> details) {
    if (deviceIds.size() != details.size()) {
      throw new IllegalArgumentException("one details map per device id");
    }
    if (deviceIds.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
    String who = actor.current();
    String[] ids = deviceIds.toArray(String[]::new);
    String[] texts = details.stream().map(json::writeValueAsString).toArray(String[]::new);
    jdbc.update(
        con -> {
          var statement =
              con.prepareStatement(
                  "INSERT INTO device_audit (tenant_id, device_id, at, actor, action, details)"
                      + " SELECT ?, d.id, ?, ?, ?, d.details::jsonb"
                      + " FROM unnest(?::varchar[], ?::text[]) WITH ORDINALITY AS d(id, details, n)"
                      + " ORDER BY d.n");
          statement.setString(1, tenant);
          statement.setTimestamp(2, at);
          statement.setString(3, who);
          statement.setString(4, action);
          statement.setArray(5, con.createArrayOf("varchar", ids));
          statement.setArray(6, con.createArrayOf("text", texts));
          return statement;
        });
  }

  /**
   * A page of one device's history, newest first. A device with no history that does not exist
   * (never did, or belongs to another tenant) is 404, so that ids do not leak.
   */
  @Transactional(readOnly = true)
  public AuditPage history(String tenant, String deviceId, @Nullable String cursor, int limit) {
    long before = cursor == null ? Long.MAX_VALUE : AuditCursor.decode(cursor).beforeId();
    List<Row> rows =
        jdbc.query(
            "SELECT id, at, actor, action, details FROM device_audit"
                + " WHERE tenant_id = ? AND device_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
            (rs, i) ->
                new Row(
                    rs.getLong("id"),
                    new AuditEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        json.readValue(rs.getString("details"), DETAILS))),
            tenant,
            deviceId,
            before,
            limit + 1);
    if (rows.isEmpty() && cursor == null && !deviceExists(tenant, deviceId)) {
      throw new ApiException(
          RegistryError.DEVICE_NOT_FOUND, "There is no device '" + deviceId + "'.");
    }
    boolean more = rows.size() > limit;
    List<Row> page = more ? rows.subList(0, limit) : rows;
    String next = more ? new AuditCursor(page.get(limit - 1).id()).encode() : null;
    return new AuditPage(page.stream().map(Row::entry).toList(), next);
  }

  private boolean deviceExists(String tenant, String deviceId) {
    Boolean exists =
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM devices WHERE tenant_id = ? AND id = ?)",
            Boolean.class,
            tenant,
            deviceId);
    return Boolean.TRUE.equals(exists);
  }

  private record Row(long id, AuditEntry entry) {}
}
