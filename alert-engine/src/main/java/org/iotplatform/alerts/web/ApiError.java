package org.iotplatform.alerts.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The error catalogue of the service. Each entry's {@link #code()} is a stable identifier that
 * clients may branch on; it is sent as the {@code errorCode} property of a problem detail.
 */
public enum ApiError {
  REQUEST_INVALID(
      HttpStatus.BAD_REQUEST,
      "request.invalid",
      "Invalid request",
      "Check the request against the API description at /v3/api-docs."),
  REQUEST_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "request.not-found",
      "No such endpoint",
      "Check the path against the API description at /v3/api-docs."),
  REQUEST_METHOD_NOT_ALLOWED(
      HttpStatus.METHOD_NOT_ALLOWED,
      "request.method-not-allowed",
      "Method not allowed",
      "Use one of the methods in the Allow header."),
  REQUEST_NOT_ACCEPTABLE(
      HttpStatus.NOT_ACCEPTABLE,
      "request.not-acceptable",
      "Not acceptable",
      "Accept application/json."),
  REQUEST_UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      "request.unsupported-media-type",
      "Unsupported media type",
      "Send the body as application/json."),
  INTERNAL_ERROR(
      HttpStatus.INTERNAL_SERVER_ERROR,
      "internal.error",
      "Internal error",
      "The service failed unexpectedly; retry later and report it if it persists."),
  SERVICE_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable", "Service unavailable", "Retry later.");

  private final HttpStatus status;
  private final String code;
  private final String title;
  private final String hint;

  ApiError(HttpStatus status, String code, String title, String hint) {
    this.status = status;
    this.code = code;
    this.title = title;
    this.hint = hint;
  }

  /** The catalogue entry for an error that Spring MVC raised before any controller ran. */
  static ApiError forStatus(HttpStatusCode status) {
    return switch (status.value()) {
      case 404 -> REQUEST_NOT_FOUND;
      case 405 -> REQUEST_METHOD_NOT_ALLOWED;
      case 406 -> REQUEST_NOT_ACCEPTABLE;
      case 415 -> REQUEST_UNSUPPORTED_MEDIA_TYPE;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status.is4xxClientError() ? REQUEST_INVALID : INTERNAL_ERROR;
    };
  }

  public HttpStatus status() {
    return status;
  }

  /** The stable identifier sent as {@code errorCode}. */
  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  /** What the caller should do about it. */
  public String hint() {
    return hint;
  }
}
