package org.iotplatform.web;

import org.iotplatform.servers.FreePorts;
import org.iotplatform.testsupport.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A service whose issuer's JWK Set cannot be fetched starts anyway, keeps its open endpoints, and
 * answers tokens with 503 (not the caller's fault) rather than 401.
 */
@SpringBootTest(
    classes = WebTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.mvc.problemdetails.enabled=true",
      "spring.web.resources.add-mappings=false"
    })
@AutoConfigureRestTestClient
class IssuerUnreachableIT {

  private final RestTestClient underTest;

  IssuerUnreachableIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @DynamicPropertySource
  static void unreachableJwkSet(DynamicPropertyRegistry registry) {
    registry.add(
        "iot.security.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + FreePorts.pick() + "/api/v1/auth/jwks");
  }

  @Test
  void answersATokenWithServiceUnavailable() {
    underTest
        .get()
        .uri("/api/v1/widgets/w1")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.token("t1", "viewer"))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("service.unavailable");
  }

  @Test
  void stillRefusesACallWithoutToken() {
    underTest.get().uri("/api/v1/widgets/w1").exchange().expectStatus().isUnauthorized();
  }
}
