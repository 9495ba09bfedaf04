package org.iotplatform.alerts.rule;

import org.iotplatform.web.ApiException;
import org.iotplatform.web.ErrorCode;
import org.iotplatform.web.ErrorSpec;
import org.springframework.http.HttpStatus;

/** The rule feature's entries of the service's error catalogue. */
public enum RuleError implements ErrorCode {
  RULE_INVALID(
      HttpStatus.BAD_REQUEST,
      "rule.invalid",
      "Invalid rule",
      "Correct the field named above (problem properties field and reason) and send the rule"
          + " again."),
  RULE_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "rule.not-found",
      "Rule not found",
      "Check the rule id; list the rules at /api/v1/alert-rules."),
  RULE_VERSION_CONFLICT(
      HttpStatus.CONFLICT,
      "rule.version-conflict",
      "Rule changed meanwhile",
      "Read the rule again and retry with its current ETag in If-Match."),
  RULE_UNKNOWN_DEVICE(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "rule.unknown-device",
      "Unknown device",
      "Name a device of your tenant that the registry knows; a device created a moment ago may"
          + " take a few seconds to be known here."),
  RULE_UNKNOWN_METRIC(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "rule.unknown-metric",
      "Unknown metric",
      "Name a metric that a device type in the rule's scope declares (GET /api/v1/device-types"
          + " at the registry), or declare it there first."),
  RULE_UNKNOWN_GROUP(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "rule.unknown-group",
      "Unknown group",
      "Name an existing group of your tenant with at least one device (GET /api/v1/groups at the"
          + " registry)."),
  RULE_UNKNOWN_CHANNEL(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "rule.unknown-channel",
      "Unknown channel",
      "Name channels of your tenant by id; list them at /api/v1/alert-channels.");

  private final ErrorSpec spec;

  RuleError(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }

  /** A 400 {@code rule.invalid} naming the field (a JSON path such as {@code condition.upper}). */
  static ApiException invalid(String field, String reason) {
    ApiException exception = new ApiException(RULE_INVALID, field + ": " + reason + ".");
    exception.getBody().setProperty("field", field);
    exception.getBody().setProperty("reason", reason);
    return exception;
  }
}
