package org.iotplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A service's {@code @WebMvcTest} of its controllers renders errors as the running service does.
 */
@WebMvcTest(controllers = WidgetController.class)
class ProblemDetailsWebMvcSliceTest {

  private final MockMvcTester underTest;

  ProblemDetailsWebMvcSliceTest(@Autowired MockMvcTester underTest) {
    this.underTest = underTest;
  }

  @Test
  void rendersAnApiExceptionWithItsCatalogueCode() {
    assertThat(underTest.get().uri("/api/v1/widgets/w1"))
        .hasStatus(HttpStatus.NOT_FOUND)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.errorCode")
        .isEqualTo("widget.not-found");
  }

  @Test
  void rendersAnUnknownPathWithRequestNotFound() {
    assertThat(underTest.get().uri("/api/v1/no-such-resource"))
        .hasStatus(HttpStatus.NOT_FOUND)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.errorCode")
        .isEqualTo("request.not-found");
  }
}
