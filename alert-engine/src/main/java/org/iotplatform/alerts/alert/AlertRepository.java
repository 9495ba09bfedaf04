package org.iotplatform.alerts.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iotplatform.contracts.AlertEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alert instances and their transitions. Plain SQL rather than JPA: the lifecycle relies on {@code
 * INSERT ... ON CONFLICT DO NOTHING} to make replays no-ops.
 */
@Repository
class AlertRepository {

  private static final String COLUMNS =
      "id, alert_key, rule_id, rule_version, rule_name, severity, device_id, state, metric, value,"
          + " reason, fired_at, resolved_at, resolved_reason, acknowledged_at, acknowledged_by,"
          + " acknowledge_note, silence_id";

  private final JdbcClient jdbc;

  AlertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the alert of {@code event} in {@code state} unless it exists; true if it did not. */
  boolean insertIfAbsent(
      UUID id, AlertEvent event, AlertState state, @Nullable UUID silenceId, Instant now) {
    boolean resolved = state == AlertState.RESOLVED;
    return jdbc.sql(
                "INSERT INTO alert (id, tenant_id, alert_key, rule_id, rule_version, rule_name,"
                    + " severity, device_id, state, metric, value, reason, fired_at, resolved_at,"
                    + " resolved_reason, silence_id, updated_at) VALUES (:id, :tenant, :key, :rule,"
                    + " :version, :name, :severity, :device, :state, :metric, :value, :reason,"
                    + " :firedAt, :resolvedAt, :resolvedReason, :silence, :now)"
                    + " ON CONFLICT (id) DO NOTHING")
            .param("id", id)
            .param("tenant", event.tenantId())
            .param("key", event.alertId())
            .param("rule", event.ruleId())
            .param("version", event.ruleVersion())
            .param("name", event.ruleName())
            .param("severity", event.severity())
            .param("device", event.deviceId())
            .param("state", state.name())
            .param("metric", event.metric())
            .param("value", event.value())
            .param("reason", event.reason())
            .param("firedAt", ts(event.firedAt()))
            .param("resolvedAt", resolved ? ts(event.at()) : null)
            .param("resolvedReason", resolved ? event.reason() : null)
            .param("silence", silenceId)
            .param("now", ts(now))
            .update()
        == 1;
  }

  /**
   * Appends a transition to an alert's history; false, and nothing appended, when a transition of
   * the same {@code eventId} exists (a replayed event).
   */
  boolean appendTransition(
      UUID alertId,
      @Nullable String eventId,
      String kind,
      Instant at,
      @Nullable String actor,
      @Nullable String note,
      @Nullable UUID silenceId) {
    return jdbc.sql(
                "INSERT INTO alert_transition (alert_id, event_id, kind, at, actor, note,"
                    + " silence_id) VALUES (:alert, :event, :kind, :at, :actor, :note, :silence)"
                    + " ON CONFLICT (alert_id, event_id) DO NOTHING")
            .param("alert", alertId)
            .param("event", eventId)
            .param("kind", kind)
            .param("at", ts(at))
            .param("actor", actor)
            .param("note", note)
            .param("silence", silenceId)
            .update()
        == 1;
  }

  /** Resolves the alert unless it is resolved already. */
  void resolve(UUID id, Instant at, String reason, Instant now) {
    jdbc.sql(
            "UPDATE alert SET state = 'RESOLVED', resolved_at = :at, resolved_reason = :reason,"
                + " updated_at = :now WHERE id = :id AND state <> 'RESOLVED'")
        .param("id", id)
        .param("at", ts(at))
        .param("reason", reason)
        .param("now", ts(now))
        .update();
  }

  /** Acknowledges an active alert of the tenant; false when it is not active (or not there). */
  boolean acknowledge(String tenantId, UUID id, String by, Instant at, @Nullable String note) {
    return jdbc.sql(
                "UPDATE alert SET state = 'ACKNOWLEDGED', acknowledged_at = :at,"
                    + " acknowledged_by = :by, acknowledge_note = :note, updated_at = :at"
                    + " WHERE tenant_id = :tenant AND id = :id AND state = 'ACTIVE'")
            .param("tenant", tenantId)
            .param("id", id)
            .param("by", by)
            .param("at", ts(at))
            .param("note", note)
            .update()
        == 1;
  }

  Optional<AlertResponse> find(String tenantId, UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId)
        .param("id", id)
        .query(AlertRepository::alert)
        .optional();
  }

  List<AlertResponse> list(
      String tenantId, AlertFilter filter, @Nullable AlertCursor after, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM alert WHERE tenant_id = :tenant");
    Map<String, @Nullable Object> params = new HashMap<>();
    params.put("tenant", tenantId);
    if (filter.state() != null) {
      sql.append(" AND state = :state");
      params.put("state", filter.state().name());
    }
    if (filter.severity() != null) {
      sql.append(" AND severity = :severity");
      params.put("severity", filter.severity());
    }
    if (filter.ruleId() != null) {
      sql.append(" AND rule_id = :rule");
      params.put("rule", filter.ruleId());
    }
    if (filter.deviceId() != null) {
      sql.append(" AND device_id = :device");
      params.put("device", filter.deviceId());
    }
    if (filter.firedFrom() != null) {
      sql.append(" AND fired_at >= :from");
      params.put("from", ts(filter.firedFrom()));
    }
    if (filter.firedTo() != null) {
      sql.append(" AND fired_at < :to");
      params.put("to", ts(filter.firedTo()));
    }
    if (after != null) {
      sql.append(" AND (fired_at, id) < (:afterFiredAt, :afterId)");
      params.put("afterFiredAt", ts(after.firedAt()));
      params.put("afterId", after.id());
    }
    sql.append(" ORDER BY fired_at DESC, id DESC LIMIT :limit");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(AlertRepository::alert).list();
  }

  List<AlertHistoryEntry> history(UUID id) {
    return jdbc.sql(
            "SELECT kind, at, actor, note, silence_id FROM alert_transition"
                + " WHERE alert_id = :id ORDER BY id")
        .param("id", id)
        .query(
            (rs, row) ->
                new AlertHistoryEntry(
                    rs.getString("kind"),
                    instant(rs, "at"),
                    rs.getString("actor"),
                    rs.getString("note"),
                    rs.getObject("silence_id", UUID.class)))
        .list();
  }

  void ping() {
    jdbc.sql("SELECT 1").query(Integer.class).single();
  }

  /** How many alerts there are in each state, over all tenants. */
  Map<AlertState, Long> countByState() {
    Map<AlertState, Long> counts = new EnumMap<>(AlertState.class);
    for (AlertState state : AlertState.values()) {
      counts.put(state, 0L);
    }
    jdbc.sql("SELECT state, count(*) AS n FROM alert GROUP BY state")
        .query(
            (ResultSet rs) -> {
              counts.put(AlertState.valueOf(rs.getString("state")), rs.getLong("n"));
            });
    return counts;
  }

  private static AlertResponse alert(ResultSet rs, int row) throws SQLException {
    Instant acknowledgedAt = nullableInstant(rs, "acknowledged_at");
    String acknowledgedBy = rs.getString("acknowledged_by");
    Double value = rs.getObject("value") == null ? null : rs.getDouble("value");
    return new AlertResponse(
        rs.getObject("id", UUID.class),
        rs.getString("alert_key"),
        rs.getString("rule_id"),
        rs.getLong("rule_version"),
        rs.getString("rule_name"),
        rs.getString("severity"),
        rs.getString("device_id"),
        AlertState.valueOf(rs.getString("state")),
        rs.getString("metric"),
        value,
        rs.getString("reason"),
        instant(rs, "fired_at"),
        nullableInstant(rs, "resolved_at"),
        rs.getString("resolved_reason"),
        acknowledgedAt == null || acknowledgedBy == null
            ? null
            : new AlertResponse.Acknowledgement(
                acknowledgedBy, acknowledgedAt, rs.getString("acknowledge_note")),
        rs.getObject("silence_id", UUID.class));
  }

  static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getTimestamp(column).toInstant();
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
