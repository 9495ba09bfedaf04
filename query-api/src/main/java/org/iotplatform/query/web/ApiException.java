package org.iotplatform.query.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error from the {@link ApiError catalogue}, answered as a problem detail whose {@code detail}
 * says what was wrong and what to do.
 */
public class ApiException extends ErrorResponseException {

  private final ApiError error;

  /**
   * @param error the catalogue entry
   * @param problem what was wrong with this request; the entry's hint is appended
   */
  public ApiException(ApiError error, String problem) {
    this(error, problem, null);
  }

  public ApiException(ApiError error, String problem, @Nullable Throwable cause) {
    super(error.status(), problemDetail(error, problem), cause);
    this.error = error;
  }

  public ApiError error() {
    return error;
  }

  @Override
  public String getMessage() {
    return error.code() + ": " + getBody().getDetail();
  }

  private static ProblemDetail problemDetail(ApiError error, String problem) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(error.status(), problem + " " + error.hint());
    detail.setTitle(error.title());
    detail.setProperty(ProblemDetailsAdvice.ERROR_CODE, error.code());
    return detail;
  }
}
