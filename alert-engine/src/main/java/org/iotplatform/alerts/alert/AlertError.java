package org.iotplatform.alerts.alert;

import org.iotplatform.web.ErrorCode;
import org.iotplatform.web.ErrorSpec;
import org.springframework.http.HttpStatus;

/** The errors of the alert API. */
public enum AlertError implements ErrorCode {
  ALERT_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "alert.not-found",
      "Alert not found",
      "Use an id from GET /api/v1/alerts (the instance's UUID, not the evaluator's alertId)."),
  ALERT_RESOLVED(
      HttpStatus.CONFLICT,
      "alert.resolved",
      "Alert already resolved",
      "A resolved alert cannot be acknowledged; nothing needs doing."),
  ALERT_INVALID_FILTER(
      HttpStatus.BAD_REQUEST,
      "alert.invalid-filter",
      "Invalid alert filter",
      "Use state ACTIVE, ACKNOWLEDGED or RESOLVED, severity LOW, MEDIUM, HIGH or CRITICAL,"
          + " ISO-8601 instants for from and to, and a limit from 1 to 500."),
  ALERT_INVALID_NOTE(
      HttpStatus.BAD_REQUEST,
      "alert.invalid-note",
      "Invalid note",
      "Send a note of at most 1,000 characters, or none."),
  PAGE_INVALID_CURSOR(
      HttpStatus.BAD_REQUEST,
      "page.invalid-cursor",
      "Invalid cursor",
      "Pass the nextCursor of the previous page unchanged, or start again without a cursor.");

  private final ErrorSpec spec;

  AlertError(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }
}
