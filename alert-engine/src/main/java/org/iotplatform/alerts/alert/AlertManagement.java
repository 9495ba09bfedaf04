package org.iotplatform.alerts.alert;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and acknowledges the alerts of a tenant. */
@Service
public class AlertManagement {

  static final int MAX_NOTE_LENGTH = 1000;

  private final AlertRepository alerts;
  private final AlertNotificationLog notifications;
  private final Clock clock;

  AlertManagement(
      AlertRepository alerts,
      ObjectProvider<AlertNotificationLog> notifications,
      ObjectProvider<Clock> clock) {
    this.alerts = alerts;
    this.notifications = notifications.getIfAvailable(() -> AlertNotificationLog.NONE);
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Transactional(readOnly = true)
  public AlertPage list(String tenantId, AlertFilter filter, @Nullable String cursor, int limit) {
    AlertCursor after = cursor == null ? null : AlertCursor.decode(cursor);
    List<AlertResponse> page = alerts.list(tenantId, filter, after, limit + 1);
    if (page.size() <= limit) {
      return new AlertPage(page, null);
    }
    List<AlertResponse> items = page.subList(0, limit);
    AlertResponse last = items.get(limit - 1);
    return new AlertPage(items, new AlertCursor(last.firedAt(), last.id()).encode());
  }

  @Transactional(readOnly = true)
  public AlertDetails get(String tenantId, UUID id) {
    AlertResponse alert = alerts.find(tenantId, id).orElseThrow(() -> notFound(id));
    return new AlertDetails(alert, alerts.history(id), notifications.notificationsOf(id));
  }

  /**
   * Acknowledges an active alert; an acknowledged one is returned as it is (the first
   * acknowledgement stands), a resolved one is a 409.
   */
  @Transactional
  public AlertResponse acknowledge(
      String tenantId, UUID id, String subject, @Nullable String note) {
    if (note != null && note.length() > MAX_NOTE_LENGTH) {
      throw new ApiException(
          AlertError.ALERT_INVALID_NOTE, "The note has " + note.length() + " characters.");
    }
    var now = clock.instant();
    if (alerts.acknowledge(tenantId, id, subject, now, note)) {
      alerts.appendTransition(id, null, "ACKNOWLEDGED", now, subject, note, null);
    }
    AlertResponse alert = alerts.find(tenantId, id).orElseThrow(() -> notFound(id));
    if (alert.state() == AlertState.RESOLVED) {
      throw new ApiException(
          AlertError.ALERT_RESOLVED,
          "Alert " + id + " was resolved at " + alert.resolvedAt() + ".");
    }
    return alert;
  }

  private static ApiException notFound(UUID id) {
    return new ApiException(
        AlertError.ALERT_NOT_FOUND, "There is no alert " + id + " in your tenant.");
  }
}
