package org.iotplatform.web;

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
 * Renders every error as an RFC 9457 problem detail carrying an {@code errorCode}: {@link
 * ApiException}s with their catalogue entry's code, Spring MVC's exceptions (unknown path, bad
 * parameter, ...) and anything unexpected with a {@link CommonError} code.
 *
 * <p>{@link ProblemDetailsAutoConfiguration} registers it; a service that declares its own {@link
 * ResponseEntityExceptionHandler} bean (a subclass of this one, for instance) replaces it.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler
  public @Nullable ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
    log.error("Unexpected failure answering {}", request.getDescription(false), ex);
    ErrorCode error = CommonError.INTERNAL_ERROR;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), error.hint());
    problem.setTitle(error.title());
    return handleExceptionInternal(ex, problem, new HttpHeaders(), error.status(), request);
  }

  // Every handler of the base class ends here, which makes it the one place to tag Spring's own
  // problem details with a generic code; ApiExceptions arrive already tagged and keep their code.
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
      problem.setProperty(ErrorCode.PROPERTY_NAME, CommonError.forStatus(statusCode).code());
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
    return problem.getProperties() != null
        && problem.getProperties().containsKey(ErrorCode.PROPERTY_NAME);
  }
}
