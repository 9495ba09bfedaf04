package org.iotplatform.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class AccessPolicyTest {

  private final AccessPolicy underTest =
      new AccessPolicy(
          List.of(new AccessRules(List.of("/api/v1/auth/token"), List.of("/api/v1/keys/**"))));

  @ParameterizedTest(name = "{0} {1} needs {2}")
  @CsvSource({
    "GET,     /api/v1/devices,        VIEWER",
    "HEAD,    /api/v1/devices/d1,     VIEWER",
    "OPTIONS, /api/v1/devices,        VIEWER",
    "POST,    /api/v1/devices,        OPERATOR",
    "PUT,     /api/v1/devices/d1,     OPERATOR",
    "PATCH,   /api/v1/devices/d1,     OPERATOR",
    "DELETE,  /api/v1/devices/d1,     OPERATOR",
    "POST,    /api/v1/anything-new,   OPERATOR",
    "GET,     /api/v1/keys,           ADMIN",
    "DELETE,  /api/v1/keys/k1,        ADMIN"
  })
  void requiresTheRoleOfTheMethodOrOfTheAdminPath(String method, String path, Role expected) {
    assertThat(underTest.requiredRole(request(method, path))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "GET,  /actuator/health",
    "GET,  /actuator/health/readiness",
    "GET,  /actuator/prometheus",
    "GET,  /v3/api-docs",
    "POST, /api/v1/auth/token"
  })
  void leavesProbesMetricsApiDocsAndTheServicesOpenPathsOpen(String method, String path) {
    assertThat(underTest.openPaths().matches(request(method, path))).isTrue();
  }

  @Test
  void opensNothingElse() {
    assertThat(underTest.openPaths().matches(request("GET", "/actuator/env"))).isFalse();
    assertThat(underTest.openPaths().matches(request("GET", "/api/v1/devices"))).isFalse();
  }

  @Test
  void grantsAStrongerRoleWhatAWeakerMayDo() {
    assertThat(decide(caller("ROLE_ADMIN"), "DELETE", "/api/v1/devices/d1")).isTrue();
    assertThat(decide(caller("ROLE_OPERATOR"), "GET", "/api/v1/devices")).isTrue();
  }

  @Test
  void refusesAWeakerRoleWhatAStrongerMayDo() {
    assertThat(decide(caller("ROLE_VIEWER"), "POST", "/api/v1/devices")).isFalse();
    assertThat(decide(caller("ROLE_OPERATOR"), "GET", "/api/v1/keys")).isFalse();
  }

  @Test
  void refusesAnonymousCallersAndCallersWithoutRoles() {
    Authentication anonymous =
        new AnonymousAuthenticationToken(
            "key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    assertThat(decide(anonymous, "GET", "/api/v1/devices")).isFalse();
    assertThat(decide(caller("SCOPE_read"), "GET", "/api/v1/devices")).isFalse();
  }

  private boolean decide(Authentication caller, String method, String path) {
    return underTest
        .authorize(() -> caller, new RequestAuthorizationContext(request(method, path)))
        .isGranted();
  }

  private static Authentication caller(String authority) {
    TestingAuthenticationToken token = new TestingAuthenticationToken("key-1", null, authority);
    token.setAuthenticated(true);
    return token;
  }

  private static MockHttpServletRequest request(String method, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setServletPath(path);
    return request;
  }
}
