package org.iotplatform.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Calls of the auth endpoints that several tests make. */
final class AuthApi {

  private AuthApi() {}

  /** Creates a key through the API as the client's caller and returns its full text. */
  static CreatedApiKeyResponse createKey(RestTestClient client, String name, String role) {
    CreatedApiKeyResponse created =
        client
            .post()
            .uri("/api/v1/api-keys")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", name, "role", role))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(CreatedApiKeyResponse.class)
            .returnResult()
            .getResponseBody();
    return Objects.requireNonNull(created);
  }

  static RestTestClient.ResponseSpec exchange(RestTestClient client, String apiKey) {
    return client
        .post()
        .uri("/api/v1/auth/token")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("apiKey", apiKey))
        .exchange();
  }

  /** The access token that the token endpoint answers for {@code apiKey}. */
  static String token(RestTestClient client, String apiKey) {
    TokenResponse response =
        exchange(client, apiKey)
            .expectStatus()
            .isOk()
            .expectBody(TokenResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(response).isNotNull();
    return response.accessToken();
  }
}
