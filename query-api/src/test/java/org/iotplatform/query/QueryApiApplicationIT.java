package org.iotplatform.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What every platform service offers: health, metrics, OpenAPI and problem details. */
class QueryApiApplicationIT extends QueryApiITBase {

  private final RestTestClient underTest;

  QueryApiApplicationIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @Test
  void reportsHealthUpIncludingInfluxDb() {
    underTest
        .get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
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
        .jsonPath("$.info.title")
        .isEqualTo("IoT platform query API")
        .jsonPath("$.paths['/api/v1/devices/{deviceId}/telemetry'].get")
        .exists();
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

  @Test
  void answersAMissingParameterWithAProblemDetail() {
    underTest
        .get()
        .uri("/api/v1/devices/d1/telemetry?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("request.invalid")
        .jsonPath("$.detail")
        .isEqualTo("Required parameter 'metric' is not present.");
  }
}
