package org.iotplatform.web;

import org.iotplatform.testsupport.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A minimal service on a real port, configured as the platform's services are, answering through
 * the advice that only the auto-configuration can have registered.
 */
@SpringBootTest(
    classes = WebTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.mvc.problemdetails.enabled=true",
      "spring.web.resources.add-mappings=false"
    })
@AutoConfigureRestTestClient
class ProblemDetailsAutoConfigurationIT {

  private final RestTestClient underTest;

  ProblemDetailsAutoConfigurationIT(@Autowired RestTestClient client) {
    this.underTest =
        client
            .mutate()
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.token("t1", "viewer"))
            .build();
  }

  @DynamicPropertySource
  static void jwts(DynamicPropertyRegistry registry) {
    registry.add(TestJwts.PUBLIC_KEY_PROPERTY, TestJwts::publicKeyLocation);
  }

  @Test
  void answersAnUnknownPathWithRequestNotFound() {
    underTest
        .get()
        .uri("/api/v1/no-such-resource")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(404)
        .jsonPath("$.errorCode")
        .isEqualTo("request.not-found")
        .jsonPath("$.instance")
        .isEqualTo("/api/v1/no-such-resource");
  }

  @Test
  void answersAnApiExceptionWithItsCatalogueEntry() {
    underTest
        .get()
        .uri("/api/v1/widgets/w1")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("widget.not-found")
        .jsonPath("$.title")
        .isEqualTo("No such widget")
        .jsonPath("$.detail")
        .isEqualTo("Widget 'w1' does not exist. List the widgets to find its id.")
        .jsonPath("$.instance")
        .isEqualTo("/api/v1/widgets/w1");
  }

  @Test
  void answersAnUnexpectedFailureWithInternalErrorAndNoInternals() {
    underTest
        .get()
        .uri("/api/v1/broken")
        .exchange()
        .expectStatus()
        .isEqualTo(500)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("internal.error")
        .jsonPath("$.detail")
        .isEqualTo(CommonError.INTERNAL_ERROR.hint());
  }
}
