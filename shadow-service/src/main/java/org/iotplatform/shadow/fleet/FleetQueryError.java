package org.iotplatform.shadow.fleet;

import org.iotplatform.web.ErrorCode;
import org.iotplatform.web.ErrorSpec;
import org.springframework.http.HttpStatus;

/** The fleet queries' entries of the shadow service's error catalogue. */
enum FleetQueryError implements ErrorCode {
  INVALID_QUERY(
      HttpStatus.BAD_REQUEST,
      "shadow.invalid-query",
      "Invalid fleet query",
      "Write terms such as reported.mode = 'eco', reported.firmware != desired.firmware or"
          + " exists(reported.battery), joined with AND."),
  INVALID_CURSOR(
      HttpStatus.BAD_REQUEST,
      "shadow.invalid-cursor",
      "Invalid cursor",
      "Pass the nextCursor of the previous page unchanged, or none for the first page.");

  private final ErrorSpec spec;

  FleetQueryError(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }
}
