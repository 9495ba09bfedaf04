package org.iotplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;

class ProblemDetailsAdviceTest {

  private final ProblemDetailsAdvice underTest = new ProblemDetailsAdvice();

  private final WebRequest request =
      new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/things"));

  @Test
  void tagsAnUnknownPathWithRequestNotFound() throws Exception {
    var response =
        underTest.handleException(
            new NoHandlerFoundException("GET", "/api/v1/things", new HttpHeaders()), request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(errorCodeOf(response)).isEqualTo("request.not-found");
  }

  @Test
  void tagsAnUnsupportedMethodWithRequestMethodNotAllowed() throws Exception {
    var response =
        underTest.handleException(
            new HttpRequestMethodNotSupportedException("DELETE", List.of("GET")), request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(errorCodeOf(response)).isEqualTo("request.method-not-allowed");
  }

  @Test
  void tagsAnUntaggedServiceUnavailableWithTheGenericCode() throws Exception {
    var response =
        underTest.handleException(
            new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE), request);

    assertThat(errorCodeOf(response)).isEqualTo("service.unavailable");
  }

  @Test
  void keepsTheCatalogueCodeOfAnApiException() throws Exception {
    var response =
        underTest.handleException(
            new ApiException(TestErrorCode.WIDGET_NOT_FOUND, "Widget 'w1' does not exist."),
            request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ProblemDetail problem = problemOf(response);
    assertThat(problem.getProperties()).containsEntry("errorCode", "widget.not-found");
    assertThat(problem.getTitle()).isEqualTo("No such widget");
    assertThat(problem.getDetail())
        .isEqualTo("Widget 'w1' does not exist. List the widgets to find its id.");
  }

  @Test
  void answersAnUnexpectedFailureWithoutItsMessage() {
    var response = underTest.handleUnexpected(new IllegalStateException("secret state"), request);

    assertThat(response).isNotNull();
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    ProblemDetail problem = problemOf(response);
    assertThat(problem.getProperties()).containsEntry("errorCode", "internal.error");
    assertThat(problem.getDetail()).isEqualTo(CommonError.INTERNAL_ERROR.hint());
  }

  private static ProblemDetail problemOf(ResponseEntity<Object> response) {
    assertThat(response.getBody()).isInstanceOf(ProblemDetail.class);
    return (ProblemDetail) response.getBody();
  }

  private static Object errorCodeOf(ResponseEntity<Object> response) {
    ProblemDetail problem = problemOf(response);
    assertThat(problem.getProperties()).isNotNull();
    return problem.getProperties().get(ErrorCode.PROPERTY_NAME);
  }
}
