package org.iotplatform.alerts.silence;

import org.iotplatform.web.ErrorCode;
import org.iotplatform.web.ErrorSpec;
import org.springframework.http.HttpStatus;

/** The errors of the silence API. */
public enum SilenceError implements ErrorCode {
  SILENCE_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "silence.not-found",
      "Silence not found",
      "Use an id from GET /api/v1/silences."),
  SILENCE_INVALID(
      HttpStatus.BAD_REQUEST,
      "silence.invalid",
      "Invalid silence",
      "Send endsAt after startsAt and in the future, a comment of 1 to 1,000 characters, and a"
          + " scope with exactly one of deviceIds (1 to 10,000), group or ruleId."),
  SILENCE_GROUP_NOT_FOUND(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "silence.group-not-found",
      "Group not found",
      "Name a group of your tenant in the registry (GET /api/v1/groups there).");

  private final ErrorSpec spec;

  SilenceError(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }
}
