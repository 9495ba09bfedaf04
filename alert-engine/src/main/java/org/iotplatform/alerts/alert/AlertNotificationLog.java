package org.iotplatform.alerts.alert;

import java.util.List;
import java.util.UUID;

/**
 * The notifications of an alert, for its details; the notification feature implements it. Without
 * it an alert shows none.
 */
public interface AlertNotificationLog {

  /** Shows no notifications. */
  AlertNotificationLog NONE = alertInstanceId -> List.of();

  List<AlertNotificationView> notificationsOf(UUID alertInstanceId);
}
