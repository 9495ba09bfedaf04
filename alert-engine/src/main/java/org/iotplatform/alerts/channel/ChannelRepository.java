package org.iotplatform.alerts.channel;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The channels table, always filtered by tenant. */
@Repository
class ChannelRepository {

  private static final String COLUMNS =
      "id, tenant_id, name, kind, url, secret, recipients, version, created_at, updated_at";

  private final JdbcTemplate jdbc;

  ChannelRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Channel channel) {
    jdbc.update(
        con -> {
          var statement =
              con.prepareStatement(
                  "INSERT INTO alert_channels (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)");
          statement.setObject(1, channel.id());
          statement.setString(2, channel.tenantId());
          statement.setString(3, channel.name());
          statement.setString(4, channel.kind().name());
          statement.setString(5, channel.url() == null ? null : channel.url().toString());
          statement.setString(6, channel.secret());
          statement.setArray(7, con.createArrayOf("text", channel.recipients().toArray()));
          statement.setLong(8, channel.version());
          statement.setTimestamp(9, Timestamp.from(channel.createdAt()));
          statement.setTimestamp(10, Timestamp.from(channel.updatedAt()));
          return statement;
        });
  }

  /**
   * Replaces the stored channel if it still has {@code expectedVersion}.
   *
   * @return false when it changed meanwhile (or is gone)
   */
  boolean update(Channel channel, long expectedVersion) {
    return jdbc.update(
            con -> {
              var statement =
                  con.prepareStatement(
                      "UPDATE alert_channels SET name = ?, url = ?, secret = ?, recipients = ?,"
                          + " version = ?, updated_at = ? WHERE tenant_id = ? AND id = ?"
                          + " AND version = ?");
              statement.setString(1, channel.name());
              statement.setString(2, channel.url() == null ? null : channel.url().toString());
              statement.setString(3, channel.secret());
              statement.setArray(4, con.createArrayOf("text", channel.recipients().toArray()));
              statement.setLong(5, channel.version());
              statement.setTimestamp(6, Timestamp.from(channel.updatedAt()));
              statement.setString(7, channel.tenantId());
              statement.setObject(8, channel.id());
              statement.setLong(9, expectedVersion);
              return statement;
            })
        == 1;
  }

  Optional<Channel> find(String tenantId, UUID id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM alert_channels WHERE tenant_id = ? AND id = ?",
            ChannelRepository::channel,
            tenantId,
            id)
        .stream()
        .findFirst();
  }

  /** Up to {@code limit} channels of the tenant after {@code afterId}, by id. */
  List<Channel> page(String tenantId, @Nullable UUID afterId, int limit) {
    return afterId == null
        ? jdbc.query(
            "SELECT " + COLUMNS + " FROM alert_channels WHERE tenant_id = ? ORDER BY id LIMIT ?",
            ChannelRepository::channel,
            tenantId,
            limit)
        : jdbc.query(
            "SELECT "
                + COLUMNS
                + " FROM alert_channels WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?",
            ChannelRepository::channel,
            tenantId,
            afterId,
            limit);
  }

  /** The ids among {@code ids} that are channels of the tenant. */
  Set<UUID> existing(String tenantId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.query(
            con -> {
              var statement =
                  con.prepareStatement(
                      "SELECT id FROM alert_channels WHERE tenant_id = ? AND id = ANY (?)");
              statement.setString(1, tenantId);
              statement.setArray(2, con.createArrayOf("uuid", ids.toArray()));
              return statement;
            },
            (rs, i) -> rs.getObject(1, UUID.class)));
  }

  boolean inUse(UUID id) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM alert_rule_channels WHERE channel_id = ?)",
            Boolean.class,
            id));
  }

  boolean delete(String tenantId, UUID id) {
    return jdbc.update("DELETE FROM alert_channels WHERE tenant_id = ? AND id = ?", tenantId, id)
        == 1;
  }

  /** The channels of the tenant's rule, in the rule's order. */
  List<Channel> ofRule(String tenantId, UUID ruleId) {
    return jdbc.query(
        "SELECT c.id, c.tenant_id, c.name, c.kind, c.url, c.secret, c.recipients, c.version,"
            + " c.created_at, c.updated_at FROM alert_rule_channels rc"
            + " JOIN alert_channels c ON c.id = rc.channel_id"
            + " JOIN alert_rules r ON r.id = rc.rule_id"
            + " WHERE r.tenant_id = ? AND rc.rule_id = ? ORDER BY rc.position",
        ChannelRepository::channel,
        tenantId,
        ruleId);
  }

  private static Channel channel(ResultSet rs, int row) throws SQLException {
    String url = rs.getString("url");
    Array recipients = rs.getArray("recipients");
    return new Channel(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        rs.getString("name"),
        ChannelKind.valueOf(rs.getString("kind")),
        url == null ? null : URI.create(url),
        rs.getString("secret"),
        recipients == null ? List.of() : List.of((String[]) recipients.getArray()),
        rs.getLong("version"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
