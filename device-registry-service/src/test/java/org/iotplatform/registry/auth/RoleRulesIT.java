package org.iotplatform.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.auth.ApiEndpoints.Endpoint;
import org.iotplatform.web.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role rules over every endpoint of the API, as Spring MVC maps them: a viewer's writes are
 * refused everywhere, and nothing is changed by them.
 */
class RoleRulesIT extends RegistryITBase {

  private static final String ID = "x-1";

  private final RestTestClient admin;
  private final List<Endpoint> endpoints;

  RoleRulesIT(
      @Autowired RestTestClient admin,
      @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    this.admin = admin;
    this.endpoints = ApiEndpoints.securedApi(mappings);
  }

  @BeforeEach
  void storeADeviceTypeAndADevice() {
    post(admin, "/api/v1/device-types", Map.of("name", ID)).expectStatus().isCreated();
    post(admin, "/api/v1/devices", Map.of("id", ID, "type", ID)).expectStatus().isCreated();
  }

  @Test
  void findsTheWriteEndpointsItGuards() {
    assertThat(endpoints.stream().filter(Endpoint::isWrite).map(Endpoint::toString))
        .contains(
            "POST /api/v1/devices",
            "PATCH /api/v1/devices/{id}",
            "DELETE /api/v1/devices/{id}",
            "POST /api/v1/device-types",
            "DELETE /api/v1/device-types/{name}",
            "POST /api/v1/api-keys",
            "DELETE /api/v1/api-keys/{id}");
  }

  @Test
  void refusesEveryWriteOfAViewer() {
    RestTestClient viewer = clientAs(Role.VIEWER);

    for (Endpoint endpoint : endpoints.stream().filter(Endpoint::isWrite).toList()) {
      var response = send(viewer, endpoint);
      response
          .expectStatus()
          .value(status -> assertThat(status).as(endpoint.toString()).isEqualTo(403));
      assertProblem(response, 403, "auth.forbidden");
    }

    admin.get().uri("/api/v1/devices/{id}", ID).exchange().expectStatus().isOk();
    admin.get().uri("/api/v1/device-types/{name}", ID).exchange().expectStatus().isOk();
  }

  @Test
  void letsAViewerReadEveryEndpointButTheAdmins() {
    RestTestClient viewer = clientAs(Role.VIEWER);

    for (Endpoint endpoint : endpoints.stream().filter(e -> !e.isWrite()).toList()) {
      int expected = endpoint.pattern().startsWith("/api/v1/api-keys") ? 403 : 0;
      send(viewer, endpoint)
          .expectStatus()
          .value(
              status -> {
                if (expected == 403) {
                  assertThat(status).as(endpoint.toString()).isEqualTo(403);
                } else {
                  assertThat(status).as(endpoint.toString()).isNotIn(401, 403);
                }
              });
    }
  }

  @Test
  void letsAnOperatorWrite() {
    RestTestClient operator = clientAs(Role.OPERATOR);

    post(operator, "/api/v1/device-types", Map.of("name", "x-2")).expectStatus().isCreated();
    operator.delete().uri("/api/v1/devices/{id}", ID).exchange().expectStatus().isNoContent();
  }

  private static RestTestClient.ResponseSpec send(RestTestClient client, Endpoint endpoint) {
    return client
        .method(HttpMethod.valueOf(endpoint.method().name()))
        .uri(endpoint.path(ID))
        .contentType(MediaType.APPLICATION_JSON)
        .body("{}")
        .exchange();
  }

  private static RestTestClient.ResponseSpec post(
      RestTestClient client, String path, Map<String, String> body) {
    return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
  }
}
