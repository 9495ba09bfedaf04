package org.iotplatform.alerts.notification;

import java.util.List;
import java.util.UUID;

/**
 * The JSON a webhook receives: the message with its delivery id (the same on every retry) and the
 * text a person would read.
 */
record WebhookBody(
    UUID deliveryId,
    String text,
    String tenantId,
    String ruleId,
    String ruleName,
    String severity,
    int fired,
    int resolved,
    int omitted,
    List<NotificationItem> alerts) {

  static WebhookBody of(UUID deliveryId, NotificationMessage message) {
    return new WebhookBody(
        deliveryId,
        MessageText.summary(message),
        message.tenantId(),
        message.ruleId(),
        message.ruleName(),
        message.severity(),
        message.fired(),
        message.resolved(),
        message.omitted(),
        message.alerts());
  }
}
