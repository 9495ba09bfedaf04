package org.iotplatform.query.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error as an RFC 9457 problem detail carrying an {@code errorCode} from the {@link
 * ApiError catalogue}: the service's own {@link ApiException}s, Spring MVC's exceptions (unknown
 * path, bad parameter, ...) and anything unexpected.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  static final String ERROR_CODE = "errorCode";

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler
  @Nullable ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
    log.error("Unexpected failure answering {}", request.getDescription(false), ex);
    ApiError error = ApiError.INTERNAL_ERROR;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), error.hint());
    problem.setTitle(error.title());
    return handleExceptionInternal(ex, problem, new HttpHeaders(), error.status(), request);
  }

  // Every handler of the base class ends here, which makes it the one place to tag Spring's own
  // problem details with a catalogue code; ApiExceptions arrive already tagged.
  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (response != null
        && response.getBody() instanceof ProblemDetail problem
        && !hasErrorCode(problem)) {
      problem.setProperty(ERROR_CODE, ApiError.forStatus(statusCode).code());
    }
    if (statusCode.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      log.warn(
          "Answering 503 to {}: {} ({})",
          request.getDescription(false),
          ex.getMessage(),
          String.valueOf(ex.getCause()));
    }
    return response;
  }

  private static boolean hasErrorCode(ProblemDetail problem) {
    return problem.getProperties() != null && problem.getProperties().containsKey(ERROR_CODE);
  }
}
