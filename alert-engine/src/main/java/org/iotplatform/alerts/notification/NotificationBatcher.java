package org.iotplatform.alerts.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns waiting notifications into deliveries, one message per (tenant, rule, channel) and group
 * window: when no window of the group is open, everything waiting leaves at once in one message and
 * a window opens; what arrives during the window waits for its end and then leaves together. So the
 * first alert of a rule goes out at once, a storm of alerts of one rule, or a flapping device,
 * makes at most one message per window and channel. The window row's lock makes this safe with
 * several instances of the service.
 */
class NotificationBatcher {

  private static final int GROUPS_PER_ROUND = 100;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final NotificationProperties properties;
  private final Clock clock;

  NotificationBatcher(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      NotificationProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  private record Group(String tenantId, String ruleId, String channelId) {}

  /** Makes the deliveries that are due now; returns how many it made. */
  int run() {
    Instant now = clock.instant();
    List<Group> due =
        jdbc.sql(
                "SELECT DISTINCT n.tenant_id, n.rule_id, n.channel_id FROM notification n"
                    + " WHERE n.delivery_id IS NULL AND NOT EXISTS (SELECT 1 FROM"
                    + " notification_group g WHERE g.tenant_id = n.tenant_id AND g.rule_id ="
                    + " n.rule_id AND g.channel_id = n.channel_id AND g.window_ends_at > :now)"
                    + " LIMIT :limit")
            .param("now", Timestamp.from(now))
            .param("limit", GROUPS_PER_ROUND)
            .query(
                (rs, row) ->
                    new Group(
                        rs.getString("tenant_id"),
                        rs.getString("rule_id"),
                        rs.getString("channel_id")))
            .list();
    int made = 0;
    for (Group group : due) {
      if (Boolean.TRUE.equals(transactions.execute(status -> deliver(group, now, status)))) {
        made++;
      }
    }
    return made;
  }

  private boolean deliver(Group group, Instant now, TransactionStatus status) {
    int opened =
        jdbc.sql(
                "INSERT INTO notification_group (tenant_id, rule_id, channel_id, window_ends_at)"
                    + " VALUES (:tenant, :rule, :channel, :ends) ON CONFLICT (tenant_id, rule_id,"
                    + " channel_id) DO UPDATE SET window_ends_at = EXCLUDED.window_ends_at"
                    + " WHERE notification_group.window_ends_at <= :now")
            .param("tenant", group.tenantId())
            .param("rule", group.ruleId())
            .param("channel", group.channelId())
            .param("ends", Timestamp.from(now.plus(properties.groupWindow())))
            .param("now", Timestamp.from(now))
            .update();
    if (opened == 0) {
      return false;
    }
    UUID deliveryId = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO notification_delivery (id, tenant_id, rule_id, channel_id, channel_kind,"
                + " target, message, state, next_attempt_at, first_event_at, created_at) VALUES"
                + " (:id, :tenant, :rule, :channel, '', '{}', '{}', 'PENDING', :now, :now, :now)")
        .param("id", deliveryId)
        .param("tenant", group.tenantId())
        .param("rule", group.ruleId())
        .param("channel", group.channelId())
        .param("now", Timestamp.from(now))
        .update();
    Taken taken =
        jdbc.sql(
                "WITH taken AS (UPDATE notification SET delivery_id = :delivery WHERE tenant_id ="
                    + " :tenant AND rule_id = :rule AND channel_id = :channel AND delivery_id IS"
                    + " NULL RETURNING event_kind, created_at) SELECT count(*) FILTER (WHERE"
                    + " event_kind = 'FIRED') AS fired, count(*) FILTER (WHERE event_kind ="
                    + " 'RESOLVED') AS resolved, min(created_at) AS first_at FROM taken")
            .param("delivery", deliveryId)
            .param("tenant", group.tenantId())
            .param("rule", group.ruleId())
            .param("channel", group.channelId())
            .query(
                (rs, row) ->
                    new Taken(
                        rs.getInt("fired"), rs.getInt("resolved"), rs.getTimestamp("first_at")))
            .single();
    if (taken.fired() + taken.resolved() == 0) {
      // Another instance took them first: keep no window open for nothing.
      status.setRollbackOnly();
      return false;
    }
    List<NotificationItem> listed =
        jdbc.sql(
                "SELECT alert_id, alert_key, event_kind, device_id, metric, value, reason,"
                    + " event_at FROM notification WHERE delivery_id = :delivery ORDER BY id"
                    + " LIMIT :limit")
            .param("delivery", deliveryId)
            .param("limit", properties.maxListedAlerts())
            .query(
                (rs, row) ->
                    new NotificationItem(
                        rs.getObject("alert_id", UUID.class),
                        rs.getString("alert_key"),
                        rs.getString("event_kind"),
                        rs.getString("device_id"),
                        rs.getString("metric"),
                        rs.getObject("value") == null ? null : rs.getDouble("value"),
                        rs.getString("reason"),
                        rs.getTimestamp("event_at").toInstant()))
            .list();
    // The newest notification has the rule's and channel's latest settings.
    Latest latest =
        jdbc.sql(
                "SELECT rule_name, severity, channel_kind, target::text AS target FROM"
                    + " notification WHERE delivery_id = :delivery ORDER BY id DESC LIMIT 1")
            .param("delivery", deliveryId)
            .query(
                (rs, row) ->
                    new Latest(
                        rs.getString("rule_name"),
                        rs.getString("severity"),
                        rs.getString("channel_kind"),
                        rs.getString("target")))
            .single();
    NotificationMessage message =
        NotificationMessage.of(
            group.tenantId(),
            group.ruleId(),
            latest.ruleName(),
            latest.severity(),
            taken.fired(),
            taken.resolved(),
            listed);
    jdbc.sql(
            "UPDATE notification_delivery SET channel_kind = :kind, target = CAST(:target AS"
                + " jsonb), message = CAST(:message AS jsonb), first_event_at = :first"
                + " WHERE id = :id")
        .param("kind", latest.channelKind())
        .param("target", latest.target())
        .param("message", NotificationJson.write(message))
        .param("first", taken.firstAt())
        .param("id", deliveryId)
        .update();
    return true;
  }

  private record Taken(int fired, int resolved, Timestamp firstAt) {}

  private record Latest(String ruleName, String severity, String channelKind, String target) {}
}
