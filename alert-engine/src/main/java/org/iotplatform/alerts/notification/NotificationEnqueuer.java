package org.iotplatform.alerts.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.iotplatform.alerts.ChannelDirectory;
import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;
import org.iotplatform.alerts.alert.AlertTransition;
import org.iotplatform.alerts.alert.AlertTransitionListener;
import org.iotplatform.contracts.AlertEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one notification row per channel of the rule for each notified alert event, inside the
 * alert's transaction: the rows commit with the alert or not at all. Silenced events and kinds not
 * in {@code notifyOn} get none. The channel's settings are copied into the row, so that a message
 * goes where the rule pointed when the alert happened.
 */
class NotificationEnqueuer implements AlertTransitionListener {

  private final JdbcClient jdbc;
  private final ChannelDirectory channels;
  private final Set<String> notifyOn;
  private final Clock clock;
  private final NotificationWakeup wakeup;

  NotificationEnqueuer(
      JdbcClient jdbc,
      ChannelDirectory channels,
      NotificationProperties properties,
      Clock clock,
      NotificationWakeup wakeup) {
    this.jdbc = jdbc;
    this.channels = channels;
    this.notifyOn = Set.copyOf(properties.notifyOn());
    this.clock = clock;
    this.wakeup = wakeup;
  }

  @Override
  public void onTransition(AlertTransition transition) {
    AlertEvent event = transition.event();
    if (transition.silenced() || !notifyOn.contains(event.kind())) {
      return;
    }
    List<ChannelTarget> targets = channels.channelsOf(event.tenantId(), event.ruleId());
    for (ChannelTarget target : targets) {
      jdbc.sql(
              "INSERT INTO notification (alert_id, alert_key, event_kind, event_at, tenant_id,"
                  + " rule_id, rule_name, severity, device_id, metric, value, reason, channel_id,"
                  + " channel_kind, target, created_at) VALUES (:alert, :key, :kind, :at,"
                  + " :tenant, :rule, :ruleName, :severity, :device, :metric, :value, :reason,"
                  + " :channel, :channelKind, CAST(:target AS jsonb), :now)"
                  + " ON CONFLICT (alert_id, event_kind, channel_id) DO NOTHING")
          .param("alert", transition.alertInstanceId())
          .param("key", event.alertId())
          .param("kind", event.kind())
          .param("at", Timestamp.from(event.at()))
          .param("tenant", event.tenantId())
          .param("rule", event.ruleId())
          .param("ruleName", event.ruleName())
          .param("severity", event.severity())
          .param("device", event.deviceId())
          .param("metric", event.metric())
          .param("value", event.value())
          .param("reason", event.reason())
          .param("channel", target.channelId())
          .param("channelKind", target.kind())
          .param("target", NotificationJson.write(target))
          .param("now", Timestamp.from(clock.instant()))
          .update();
    }
    if (!targets.isEmpty()) {
      // The first message of a rule is due at once: send it without waiting for the next poll.
      wakeup.wakeAfterCommit();
    }
  }
}
