package org.iotplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A minimal service on a real port, secured by the shared auto-configuration only: which tokens it
 * takes, what each role may do, and how refusals read.
 */
@SpringBootTest(
    classes = WebTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.mvc.problemdetails.enabled=true",
      "spring.web.resources.add-mappings=false"
    })
@AutoConfigureRestTestClient
class ResourceServerIT {

  private final RestTestClient underTest;

  ResourceServerIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @DynamicPropertySource
  static void jwts(DynamicPropertyRegistry registry) {
    registry.add(TestJwts.PUBLIC_KEY_PROPERTY, TestJwts::publicKeyLocation);
  }

  @Test
  void refusesACallWithoutTokenWithAProblemDetail() {
    underTest
        .get()
        .uri("/api/v1/widgets/w1")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("auth.unauthenticated")
        .jsonPath("$.instance")
        .isEqualTo("/api/v1/widgets/w1")
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).startsWith("The request carries no bearer"));
  }

  @Test
  void refusesAnExpiredToken() {
    assertUnauthorized(TestJwts.builder().roles("admin").expired().build(), "expired");
  }

  @Test
  void refusesAForgedToken() {
    assertUnauthorized(TestJwts.builder().roles("admin").signedByAnotherKey().build(), "signature");
  }

  @Test
  void refusesATokenWithoutTenant() {
    assertUnauthorized(TestJwts.builder().roles("admin").without("tenant").build(), "tenant");
  }

  @Test
  void refusesATamperedToken() {
    String[] parts = TestJwts.token("t1", "viewer").split("\\.");
    String admin = TestJwts.token("t1", "admin").split("\\.")[1];

    assertUnauthorized(parts[0] + "." + admin + "." + parts[2], "signature");
  }

  @Test
  void letsAViewerRead() {
    get("/api/v1/widgets/w1", TestJwts.token("t1", "viewer"))
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("widget.not-found");
  }

  @Test
  void refusesAViewersWriteWithAProblemDetail() {
    underTest
        .post()
        .uri("/api/v1/widgets")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.token("t1", "viewer"))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("auth.forbidden")
        .jsonPath("$.detail")
        .value(
            detail ->
                assertThat((String) detail)
                    .contains("POST /api/v1/widgets needs the role operator")
                    .contains("[viewer]"));
  }

  @Test
  void letsAnOperatorAndAnAdminWrite() {
    for (String role : new String[] {"operator", "admin"}) {
      underTest
          .post()
          .uri("/api/v1/widgets")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.token("t1", role))
          .exchange()
          .expectStatus()
          .isCreated();
    }
  }

  @Test
  void refusesATokenWithoutAnyKnownRole() {
    get("/api/v1/widgets/w1", TestJwts.token("t1", "superuser"))
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("no platform role"));
  }

  @Test
  void readsRolesGivenAsOneString() {
    get("/api/v1/whoami", TestJwts.builder().claim("roles", "openid operator").build())
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.roles")
        .isEqualTo("OPERATOR");
  }

  @Test
  void keepsAdminPathsForAdmins() {
    get("/api/v1/admin/settings", TestJwts.token("t1", "operator")).expectStatus().isForbidden();
    get("/api/v1/admin/settings", TestJwts.token("t1", "admin")).expectStatus().isOk();
  }

  @Test
  void leavesOpenPathsOpenEvenToAStaleToken() {
    underTest.get().uri("/api/v1/open/ping").exchange().expectStatus().isOk();
    get("/api/v1/open/ping", TestJwts.builder().expired().build()).expectStatus().isOk();
    // This minimal service has no actuator: past security, the probe path is an unknown path.
    get("/actuator/health", TestJwts.builder().signedByAnotherKey().build())
        .expectStatus()
        .isNotFound();
  }

  @Test
  void tellsControllersWhoCalls() {
    get("/api/v1/whoami", TestJwts.builder().subject("key-7").tenant("acme").roles("admin").build())
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            """
            {"subject": "key-7", "tenant": "acme", "roles": ["ADMIN"]}
            """);
  }

  private RestTestClient.ResponseSpec get(String path, String token) {
    return underTest
        .get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange();
  }

  private void assertUnauthorized(String token, String reason) {
    get("/api/v1/widgets/w1", token)
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("auth.unauthenticated")
        .jsonPath("$.detail")
        .value(detail -> assertThat(((String) detail).toLowerCase()).contains(reason));
  }
}
