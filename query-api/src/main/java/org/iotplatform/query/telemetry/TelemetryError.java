package org.iotplatform.query.telemetry;

import org.iotplatform.web.ErrorCode;
import org.iotplatform.web.ErrorSpec;
import org.springframework.http.HttpStatus;

/**
 * The telemetry queries' entries of the query API's error catalogue; the generic ones (unknown
 * path, missing parameter, ...) are {@link org.iotplatform.web.CommonError}s.
 */
enum TelemetryError implements ErrorCode {
  INVALID_DEVICE_ID(
      HttpStatus.BAD_REQUEST,
      "telemetry.invalid-device-id",
      "Invalid device id",
      "Use 1 to 64 letters, digits, '.', '_' or '-'."),
  INVALID_METRIC(
      HttpStatus.BAD_REQUEST,
      "telemetry.invalid-metric",
      "Invalid metric name",
      "Use 1 to 64 letters, digits, '.', '_' or '-', other than 'time' and the tag keys."),
  INVALID_INSTANT(
      HttpStatus.BAD_REQUEST,
      "telemetry.invalid-instant",
      "Invalid instant",
      "Give an ISO-8601 instant such as 2026-01-31T12:00:00Z, between the years 1678 and 2261."),
  INVALID_RANGE(
      HttpStatus.BAD_REQUEST,
      "telemetry.invalid-range",
      "Invalid time range",
      "Give a 'from' that is not after 'to'."),
  RANGE_TOO_WIDE(
      HttpStatus.BAD_REQUEST,
      "telemetry.range-too-wide",
      "Time range too wide",
      "Split the range into several queries."),
  INVALID_LIMIT(
      HttpStatus.BAD_REQUEST,
      "telemetry.invalid-limit",
      "Invalid limit",
      "Give a limit between 1 and the maximum, or none for the default."),
  STORE_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE,
      "telemetry.store-unavailable",
      "Telemetry store unavailable",
      "The telemetry store did not answer in time; retry later.");

  private final ErrorSpec spec;

  TelemetryError(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }
}
