package org.iotplatform.alerts.notification;

import java.util.List;
import java.util.UUID;
import org.iotplatform.alerts.alert.AlertNotificationLog;
import org.iotplatform.alerts.alert.AlertNotificationView;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The notifications of an alert and the state of the deliveries that carry them. */
class NotificationLog implements AlertNotificationLog {

  private final JdbcClient jdbc;

  NotificationLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<AlertNotificationView> notificationsOf(UUID alertInstanceId) {
    return jdbc.sql(
            "SELECT n.event_kind, n.channel_id, n.channel_kind, n.delivery_id, d.state,"
                + " d.attempts, d.last_error, d.sent_at FROM notification n LEFT JOIN"
                + " notification_delivery d ON d.id = n.delivery_id WHERE n.alert_id = :alert"
                + " ORDER BY n.id")
        .param("alert", alertInstanceId)
        .query(
            (rs, row) ->
                new AlertNotificationView(
                    rs.getString("event_kind"),
                    rs.getString("channel_id"),
                    rs.getString("channel_kind"),
                    rs.getString("state") == null ? "WAITING" : rs.getString("state"),
                    rs.getObject("delivery_id", UUID.class),
                    rs.getInt("attempts"),
                    rs.getString("last_error"),
                    rs.getTimestamp("sent_at") == null
                        ? null
                        : rs.getTimestamp("sent_at").toInstant()))
        .list();
  }
}
