package org.iotplatform.query;

import org.iotplatform.testsupport.ServiceEndpointChecks;
import org.iotplatform.testsupport.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What every platform service offers, and what the query API adds to it. */
class QueryApiApplicationIT extends QueryApiITBase {

  private final RestTestClient underTest;

  QueryApiApplicationIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @Test
  void offersHealthMetricsOpenApiAndProblemDetails(@LocalServerPort int port) {
    ServiceEndpointChecks.at(port, "IoT platform query API")
        .withBearerToken(TestJwts.token("default", "viewer"))
        .assertAll();
  }

  @Test
  void reportsReadinessUpIncludingInfluxDb() {
    underTest
        .get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  @Test
  void documentsTheTelemetryEndpoint() {
    underTest
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/api/v1/devices/{deviceId}/telemetry'].get")
        .exists();
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
