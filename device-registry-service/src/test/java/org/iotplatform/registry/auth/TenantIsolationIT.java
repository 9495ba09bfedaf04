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
 * A tenant's ids do not leak to another tenant: every endpoint that takes an id in its path, as
 * Spring MVC maps them, answers 404 to another tenant's admin, and changes nothing.
 */
class TenantIsolationIT extends RegistryITBase {

  private static final String OTHER_TENANT = "acme";
  private static final String ID = "x-1";

  private final RestTestClient owner;
  private final List<Endpoint> endpoints;

  TenantIsolationIT(
      @Autowired RestTestClient owner,
      @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    this.owner = owner;
    this.endpoints = ApiEndpoints.securedApi(mappings);
  }

  @BeforeEach
  void storeADeviceTypeADeviceAndAGroupOfTheDefaultTenant() {
    createTenant(OTHER_TENANT);
    post(owner, "/api/v1/device-types", Map.of("name", ID)).expectStatus().isCreated();
    post(owner, "/api/v1/devices", Map.of("id", ID, "type", ID)).expectStatus().isCreated();
    post(owner, "/api/v1/groups", Map.of("name", ID, "kind", "STATIC")).expectStatus().isCreated();
  }

  @Test
  void findsTheIdEndpointsItChecks() {
    assertThat(endpoints.stream().filter(Endpoint::hasPathVariable).map(Endpoint::toString))
        .contains(
            "GET /api/v1/devices/{id}",
            "PATCH /api/v1/devices/{id}",
            "DELETE /api/v1/devices/{id}",
            "GET /api/v1/device-types/{name}",
            "DELETE /api/v1/device-types/{name}",
            "GET /api/v1/groups/{group}",
            "POST /api/v1/groups/{group}/members",
            "GET /api/v1/devices/{deviceId}/credentials",
            "GET /api/v1/devices/{id}/history");
  }

  @Test
  void answersNotFoundToAnotherTenantOnEveryIdEndpoint() {
    RestTestClient other = clientFor(OTHER_TENANT, Role.ADMIN);

    for (Endpoint endpoint : endpoints.stream().filter(Endpoint::hasPathVariable).toList()) {
      other
          .method(HttpMethod.valueOf(endpoint.method().name()))
          .uri(endpoint.path(ID))
          .contentType(MediaType.APPLICATION_JSON)
          .body("{}")
          .exchange()
          .expectStatus()
          .value(status -> assertThat(status).as(endpoint.toString()).isEqualTo(404));
    }

    owner.get().uri("/api/v1/devices/{id}", ID).exchange().expectStatus().isOk();
    owner.get().uri("/api/v1/device-types/{name}", ID).exchange().expectStatus().isOk();
    owner.get().uri("/api/v1/groups/{group}", ID).exchange().expectStatus().isOk();
  }

  @Test
  void listsNothingOfAnotherTenant() {
    RestTestClient other = clientFor(OTHER_TENANT, Role.ADMIN);

    other
        .get()
        .uri("/api/v1/devices")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items")
        .isEmpty();
    other
        .get()
        .uri("/api/v1/device-types")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
  }

  private static RestTestClient.ResponseSpec post(
      RestTestClient client, String path, Map<String, String> body) {
    return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
  }
}
