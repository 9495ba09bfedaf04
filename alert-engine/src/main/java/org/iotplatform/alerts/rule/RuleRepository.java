package org.iotplatform.alerts.rule;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rules table and their channel links, always filtered by tenant. */
@Repository
class RuleRepository {

  private static final String SELECT =
      "SELECT r.id, r.tenant_id, r.name, r.description, r.scope::text AS scope, r.device_ids,"
          + " r.condition::text AS condition, r.severity, r.cooldown_ms, r.enabled, r.version,"
          + " r.created_at, r.updated_at, ARRAY(SELECT rc.channel_id::text FROM"
          + " alert_rule_channels rc WHERE rc.rule_id = r.id ORDER BY rc.position) AS channels"
          + " FROM alert_rules r";

  private final JdbcTemplate jdbc;

  RuleRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredRule rule) {
    jdbc.update(
        con -> {
          PreparedStatement statement =
              con.prepareStatement(
                  "INSERT INTO alert_rules (id, tenant_id, name, description, scope, device_ids,"
                      + " condition, severity, cooldown_ms, enabled, version, created_at,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)");
          statement.setObject(1, rule.id());
          statement.setString(2, rule.tenantId());
          bindContent(con, statement, 3, rule);
          statement.setTimestamp(12, Timestamp.from(rule.createdAt()));
          statement.setTimestamp(13, Timestamp.from(rule.updatedAt()));
          return statement;
        });
    linkChannels(rule);
  }

  /**
   * Replaces the stored rule if it still has {@code expectedVersion}.
   *
   * @return false when it changed meanwhile (or is gone)
   */
  boolean update(StoredRule rule, long expectedVersion) {
    int updated =
        jdbc.update(
            con -> {
              PreparedStatement statement =
                  con.prepareStatement(
                      "UPDATE alert_rules SET name = ?, description = ?, scope = ?::jsonb,"
                          + " device_ids = ?, condition = ?::jsonb, severity = ?, cooldown_ms = ?,"
                          + " enabled = ?, version = ?, updated_at = ? WHERE tenant_id = ? AND id"
                          + " = ? AND version = ?");
              bindContent(con, statement, 1, rule);
              statement.setTimestamp(10, Timestamp.from(rule.updatedAt()));
              statement.setString(11, rule.tenantId());
              statement.setObject(12, rule.id());
              statement.setLong(13, expectedVersion);
              return statement;
            });
    if (updated != 1) {
      return false;
    }
    jdbc.update("DELETE FROM alert_rule_channels WHERE rule_id = ?", rule.id());
    linkChannels(rule);
    return true;
  }

  /** Binds name to version, nine parameters from {@code first}. */
  private static void bindContent(
      Connection con, PreparedStatement statement, int first, StoredRule rule) throws SQLException {
    statement.setString(first, rule.name());
    statement.setString(first + 1, rule.description());
    statement.setString(first + 2, RuleJson.write(rule.scope()));
    statement.setArray(first + 3, con.createArrayOf("text", rule.deviceIds().toArray()));
    statement.setString(first + 4, RuleJson.write(rule.condition()));
    statement.setString(first + 5, rule.severity());
    statement.setLong(first + 6, rule.cooldownMillis());
    statement.setBoolean(first + 7, rule.enabled());
    statement.setLong(first + 8, rule.version());
  }

  private void linkChannels(StoredRule rule) {
    List<Object[]> links = new ArrayList<>();
    for (int i = 0; i < rule.channels().size(); i++) {
      links.add(new Object[] {rule.id(), UUID.fromString(rule.channels().get(i)), i});
    }
    if (!links.isEmpty()) {
      jdbc.batchUpdate(
          "INSERT INTO alert_rule_channels (rule_id, channel_id, position) VALUES (?, ?, ?)",
          links);
    }
  }

  Optional<StoredRule> find(String tenantId, UUID id) {
    return jdbc
        .query(SELECT + " WHERE r.tenant_id = ? AND r.id = ?", RuleRepository::rule, tenantId, id)
        .stream()
        .findFirst();
  }

  /** Up to {@code limit} of the tenant's rules after {@code afterId} that the filter keeps. */
  List<StoredRule> page(String tenantId, RuleFilter filter, @Nullable UUID afterId, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE r.tenant_id = ?");
    List<Object> args = new ArrayList<>();
    args.add(tenantId);
    if (afterId != null) {
      sql.append(" AND r.id > ?");
      args.add(afterId);
    }
    if (filter.enabled() != null) {
      sql.append(" AND r.enabled = ?");
      args.add(filter.enabled());
    }
    if (filter.severity() != null) {
      sql.append(" AND r.severity = ?");
      args.add(filter.severity());
    }
    if (filter.deviceId() != null) {
      sql.append(" AND r.device_ids @> ARRAY[?]::text[]");
      args.add(filter.deviceId());
    }
    sql.append(" ORDER BY r.id LIMIT ?");
    args.add(limit);
    return jdbc.query(sql.toString(), RuleRepository::rule, args.toArray());
  }

  boolean delete(String tenantId, UUID id) {
    return jdbc.update("DELETE FROM alert_rules WHERE tenant_id = ? AND id = ?", tenantId, id) == 1;
  }

  private static StoredRule rule(ResultSet rs, int row) throws SQLException {
    return new StoredRule(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        rs.getString("name"),
        rs.getString("description"),
        RuleJson.scope(rs.getString("scope")),
        strings(rs.getArray("device_ids")),
        RuleJson.condition(rs.getString("condition")),
        rs.getString("severity"),
        rs.getLong("cooldown_ms"),
        rs.getBoolean("enabled"),
        strings(rs.getArray("channels")),
        rs.getLong("version"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static List<String> strings(@Nullable Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
