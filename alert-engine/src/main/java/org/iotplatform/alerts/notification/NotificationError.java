package org.iotplatform.alerts.notification;

import org.iotplatform.web.ErrorCode;
import org.iotplatform.web.ErrorSpec;
import org.springframework.http.HttpStatus;

/** The errors of the notification API. */
public enum NotificationError implements ErrorCode {
  DELIVERY_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "notification.not-found",
      "Delivery not found",
      "Use an id from GET /api/v1/notifications or from an alert's notifications."),
  DELIVERY_NOT_DEAD(
      HttpStatus.CONFLICT,
      "notification.not-dead",
      "Delivery not dead",
      "Only a dead delivery can be retried; a pending one is retried by itself."),
  DELIVERY_INVALID_FILTER(
      HttpStatus.BAD_REQUEST,
      "notification.invalid-filter",
      "Invalid filter",
      "Use state PENDING, SENT or DEAD and a limit from 1 to 500.");

  private final ErrorSpec spec;

  NotificationError(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }
}
