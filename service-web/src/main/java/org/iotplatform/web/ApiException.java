package org.iotplatform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error from a service's catalogue, answered as a problem detail whose {@code detail} says what
 * was wrong and what to do, and whose {@code errorCode} is the entry's {@link ErrorCode#code()}.
 */
public class ApiException extends ErrorResponseException {

  private final ErrorCode error;

  /**
   * @param error the catalogue entry
   * @param problem what was wrong with this request; the entry's hint is appended
   */
  public ApiException(ErrorCode error, String problem) {
    this(error, problem, null);
  }

  public ApiException(ErrorCode error, String problem, @Nullable Throwable cause) {
    super(error.status(), problemDetail(error, problem), cause);
    this.error = error;
  }

  public ErrorCode error() {
    return error;
  }

  @Override
  public String getMessage() {
    return error.code() + ": " + getBody().getDetail();
  }

  private static ProblemDetail problemDetail(ErrorCode error, String problem) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(error.status(), problem + " " + error.hint());
    detail.setTitle(error.title());
    detail.setProperty(ErrorCode.PROPERTY_NAME, error.code());
    return detail;
  }
}
