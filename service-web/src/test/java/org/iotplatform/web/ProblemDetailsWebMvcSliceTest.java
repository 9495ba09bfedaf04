package org.iotplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotplatform.testsupport.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A service's {@code @WebMvcTest} of its controllers renders errors, and guards its endpoints, as
 * the running service does.
 */
@WebMvcTest(controllers = WidgetController.class)
class ProblemDetailsWebMvcSliceTest {

  private static final String BEARER = "Bearer " + TestJwts.token("t1", "viewer");

  private final MockMvcTester underTest;

  ProblemDetailsWebMvcSliceTest(@Autowired MockMvcTester underTest) {
    this.underTest = underTest;
  }

  @DynamicPropertySource
  static void jwts(DynamicPropertyRegistry registry) {
    registry.add(TestJwts.PUBLIC_KEY_PROPERTY, TestJwts::publicKeyLocation);
  }

  @Test
  void refusesACallWithoutTokenWithAProblemDetail() {
    assertThat(underTest.get().uri("/api/v1/widgets/w1"))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.errorCode")
        .isEqualTo("auth.unauthenticated");
  }

  @Test
  void rendersAnApiExceptionWithItsCatalogueCode() {
    assertThat(underTest.get().uri("/api/v1/widgets/w1").header(HttpHeaders.AUTHORIZATION, BEARER))
        .hasStatus(HttpStatus.NOT_FOUND)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.errorCode")
        .isEqualTo("widget.not-found");
  }

  @Test
  void rendersAnUnknownPathWithRequestNotFound() {
    assertThat(
            underTest
                .get()
                .uri("/api/v1/no-such-resource")
                .header(HttpHeaders.AUTHORIZATION, BEARER))
        .hasStatus(HttpStatus.NOT_FOUND)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.errorCode")
        .isEqualTo("request.not-found");
  }
}
