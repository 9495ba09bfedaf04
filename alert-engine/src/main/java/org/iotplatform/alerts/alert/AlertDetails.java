package org.iotplatform.alerts.alert;

import java.util.List;

/**
 * An alert with its history in the order the service recorded it, and the notifications sent (or
 * being sent, or given up) about it.
 */
public record AlertDetails(
    AlertResponse alert,
    List<AlertHistoryEntry> history,
    List<AlertNotificationView> notifications) {

  public AlertDetails {
    history = List.copyOf(history);
    notifications = List.copyOf(notifications);
  }
}
