package org.iotplatform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The entries every service shares: errors that Spring MVC raises before any controller runs, and
 * the unexpected ones.
 */
public enum CommonError implements ErrorCode {
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
  AUTH_UNAUTHENTICATED(
      HttpStatus.UNAUTHORIZED,
      "auth.unauthenticated",
      "Not authenticated",
      "Send a valid token as 'Authorization: Bearer <token>'; operators get one at the registry's"
          + " POST /api/v1/auth/token in exchange for an API key."),
  AUTH_FORBIDDEN(
      HttpStatus.FORBIDDEN,
      "auth.forbidden",
      "Forbidden",
      "Use a token whose role allows this request, or ask an admin for an API key with it."),
  INTERNAL_ERROR(
      HttpStatus.INTERNAL_SERVER_ERROR,
      "internal.error",
      "Internal error",
      "The service failed unexpectedly; retry later and report it if it persists."),
  SERVICE_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable", "Service unavailable", "Retry later.");

  private final ErrorSpec spec;

  CommonError(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }

  /** The entry for an error that Spring MVC raised with this status. */
  public static CommonError forStatus(HttpStatusCode status) {
    return switch (status.value()) {
      case 401 -> AUTH_UNAUTHENTICATED;
      case 403 -> AUTH_FORBIDDEN;
      case 404 -> REQUEST_NOT_FOUND;
      case 405 -> REQUEST_METHOD_NOT_ALLOWED;
      case 406 -> REQUEST_NOT_ACCEPTABLE;
      case 415 -> REQUEST_UNSUPPORTED_MEDIA_TYPE;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status.is4xxClientError() ? REQUEST_INVALID : INTERNAL_ERROR;
    };
  }
}
