package org.iotplatform.alerts.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deliveries of a tenant, for operators. */
@Repository
class DeliveryRepository {

  private static final String COLUMNS =
      "id, rule_id, channel_id, channel_kind, state, attempts, last_error, message::text AS"
          + " message, created_at, next_attempt_at, sent_at";

  private final JdbcClient jdbc;

  DeliveryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<DeliveryResponse> latest(String tenantId, @Nullable String state, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM notification_delivery WHERE tenant_id = :tenant"
                + (state == null ? "" : " AND state = :state")
                + " ORDER BY created_at DESC, id LIMIT :limit")
        .param("tenant", tenantId)
        .param("state", state)
        .param("limit", limit)
        .query(DeliveryRepository::delivery)
        .list();
  }

  Optional<DeliveryResponse> find(String tenantId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM notification_delivery WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId)
        .param("id", id)
        .query(DeliveryRepository::delivery)
        .optional();
  }

  /** Makes a dead delivery due again with fresh attempts; false when it is not dead. */
  boolean revive(String tenantId, UUID id, Instant now) {
    return jdbc.sql(
                "UPDATE notification_delivery SET state = 'PENDING', attempts = 0,"
                    + " next_attempt_at = :now, locked_until = NULL WHERE tenant_id = :tenant"
                    + " AND id = :id AND state = 'DEAD'")
            .param("tenant", tenantId)
            .param("id", id)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  private static DeliveryResponse delivery(ResultSet rs, int row) throws SQLException {
    NotificationMessage message = NotificationJson.message(rs.getString("message"));
    Timestamp sentAt = rs.getTimestamp("sent_at");
    return new DeliveryResponse(
        rs.getObject("id", UUID.class),
        rs.getString("rule_id"),
        rs.getString("channel_id"),
        rs.getString("channel_kind"),
        rs.getString("state"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        message.fired(),
        message.resolved(),
        MessageText.summary(message),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("next_attempt_at").toInstant(),
        sentAt == null ? null : sentAt.toInstant());
  }
}
