package org.iotplatform.ota;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Boots the whole service on a random port and checks what every platform service offers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class OtaCampaignApplicationIT {

  private final RestTestClient underTest;

  OtaCampaignApplicationIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @Test
  void reportsHealthUp() {
    underTest
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  @Test
  void servesPrometheusMetrics() {
    underTest
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
  }

  @Test
  void servesItsOpenApiDocument() {
    underTest
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.openapi")
        .exists()
        .jsonPath("$.info.title")
        .isEqualTo("IoT platform OTA campaign service");
  }

  @Test
  void answersAnUnknownPathWithAProblemDetail() {
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
}
