package org.iotplatform.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.web.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Managing API keys through the REST API. */
class ApiKeyApiIT extends RegistryITBase {

  private final RestTestClient underTest;

  ApiKeyApiIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @Test
  void showsTheKeyOnceAndListsItWithoutSecret() {
    CreatedApiKeyResponse created = AuthApi.createKey(underTest, "dashboard", "viewer");

    assertThat(created.key()).startsWith("iotk_" + created.id() + "_");
    assertThat(created.role()).isEqualTo("viewer");
    assertThat(created.createdBy()).isEqualTo(TEST_ADMIN);
    String listed =
        new String(
            underTest
                .get()
                .uri("/api/v1/api-keys")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(created.id())
                .jsonPath("$[0].name")
                .isEqualTo("dashboard")
                .jsonPath("$[0].revokedAt")
                .isEmpty()
                .returnResult()
                .getResponseBodyContent());
    assertThat(listed).doesNotContain(created.key().substring(30));
    underTest
        .get()
        .uri("/api/v1/api-keys/{id}", created.id())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.key")
        .doesNotExist();
  }

  @Test
  void recordsTheLastUseAndTheRevocation() {
    CreatedApiKeyResponse created = AuthApi.createKey(underTest, "script", "operator");
    AuthApi.token(anonymousClient(), created.key());

    underTest
        .delete()
        .uri("/api/v1/api-keys/{id}", created.id())
        .exchange()
        .expectStatus()
        .isNoContent();
    underTest
        .delete()
        .uri("/api/v1/api-keys/{id}", created.id())
        .exchange()
        .expectStatus()
        .isNoContent();

    ApiKeyResponse key = read(created.id());
    assertThat(key.lastUsedAt()).isNotNull();
    assertThat(key.revokedAt()).isNotNull();
  }

  @Test
  void refusesAnInvalidNameOrRole() {
    assertProblem(create(Map.of("name", "x", "role", "root")), 400, "api-key.invalid");
    assertProblem(create(Map.of("role", "viewer")), 400, "api-key.invalid");
    assertProblem(create(Map.of("name", " ", "role", "viewer")), 400, "api-key.invalid");
  }

  @Test
  void answersNotFoundForAnUnknownKey() {
    assertProblem(
        underTest.get().uri("/api/v1/api-keys/{id}", "0".repeat(24)).exchange(),
        404,
        "api-key.not-found");
  }

  @Test
  void letsOnlyAdminsManageKeys() {
    CreatedApiKeyResponse created = AuthApi.createKey(underTest, "ops", "operator");

    for (Role role : List.of(Role.VIEWER, Role.OPERATOR)) {
      RestTestClient client = clientAs(role);
      assertProblem(client.get().uri("/api/v1/api-keys").exchange(), 403, "auth.forbidden");
      assertProblem(
          client.get().uri("/api/v1/api-keys/{id}", created.id()).exchange(),
          403,
          "auth.forbidden");
      assertProblem(
          client
              .post()
              .uri("/api/v1/api-keys")
              .contentType(MediaType.APPLICATION_JSON)
              .body(Map.of("name", "mine", "role", "admin"))
              .exchange(),
          403,
          "auth.forbidden");
    }
    assertThat(read(created.id()).revokedAt()).isNull();
  }

  @Test
  void keepsEachTenantsKeysApart() {
    createTenant("acme");
    CreatedApiKeyResponse ours = AuthApi.createKey(underTest, "ours", "admin");
    RestTestClient acme = clientFor("acme", Role.ADMIN);
    CreatedApiKeyResponse theirs = AuthApi.createKey(acme, "theirs", "viewer");

    List<ApiKeyResponse> listedByAcme =
        acme.get()
            .uri("/api/v1/api-keys")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(new ParameterizedTypeReference<List<ApiKeyResponse>>() {})
            .returnResult()
            .getResponseBody();
    assertThat(listedByAcme).extracting(ApiKeyResponse::id).containsExactly(theirs.id());
    assertProblem(
        acme.get().uri("/api/v1/api-keys/{id}", ours.id()).exchange(), 404, "api-key.not-found");
    assertProblem(
        acme.delete().uri("/api/v1/api-keys/{id}", ours.id()).exchange(), 404, "api-key.not-found");
    assertThat(read(ours.id()).revokedAt()).isNull();
  }

  @Test
  void givesTokensOfTheKeysTenantAndRole() {
    createTenant("acme");
    CreatedApiKeyResponse key =
        AuthApi.createKey(clientFor("acme", Role.ADMIN), "acme viewer", "viewer");
    String token = AuthApi.token(anonymousClient(), key.key());

    anonymousClient()
        .get()
        .uri("/api/v1/api-keys")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  private RestTestClient.ResponseSpec create(Map<String, String> body) {
    return underTest
        .post()
        .uri("/api/v1/api-keys")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange();
  }

  private ApiKeyResponse read(String id) {
    return underTest
        .get()
        .uri("/api/v1/api-keys/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(ApiKeyResponse.class)
        .returnResult()
        .getResponseBody();
  }
}
