package org.iotplatform.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.testsupport.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.client.RestTestClient;

/** API keys exchanged for JWTs, the JWTs checked by the registry and by the public JWK Set. */
class TokenExchangeIT extends RegistryITBase {

  private final RestTestClient admin;
  private final JwtEncoder encoder;
  private final AuthProperties auth;
  private final int port;

  TokenExchangeIT(
      @Autowired RestTestClient admin,
      @Autowired JwtEncoder encoder,
      @Autowired AuthProperties auth,
      @LocalServerPort int port) {
    this.admin = admin;
    this.encoder = encoder;
    this.auth = auth;
    this.port = port;
  }

  @Test
  void exchangesAKeyForAJwtThatTheJwkSetVerifies() {
    CreatedApiKeyResponse key = AuthApi.createKey(admin, "ci pipeline", "operator");

    TokenResponse response =
        AuthApi.exchange(anonymousClient(), key.key())
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .expectBody(TokenResponse.class)
            .returnResult()
            .getResponseBody();

    assertThat(response).isNotNull();
    assertThat(response.tokenType()).isEqualTo("Bearer");
    assertThat(response.expiresIn()).isBetween(890L, 900L);
    Jwt jwt =
        NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/api/v1/auth/jwks")
            .build()
            .decode(response.accessToken());
    assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
    assertThat(jwt.getIssuer()).hasToString(auth.issuer());
    assertThat(jwt.getSubject()).isEqualTo(key.id());
    assertThat(jwt.getClaimAsString("tenant")).isEqualTo("default");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("operator");
    assertThat(jwt.getId()).isNotBlank();
    assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plus(auth.tokenTtl()));
  }

  @Test
  void servesTheSameKeysAtTheWellKnownPathAndADiscoveryDocument() {
    String jwks =
        new String(
            anonymousClient()
                .get()
                .uri("/api/v1/auth/jwks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent());

    anonymousClient()
        .get()
        .uri("/.well-known/jwks.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json(jwks);
    anonymousClient()
        .get()
        .uri("/.well-known/openid-configuration")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.issuer")
        .isEqualTo(auth.issuer())
        .jsonPath("$.jwks_uri")
        .isEqualTo(auth.issuer() + "/api/v1/auth/jwks");
  }

  @Test
  void acceptsTheExchangedTokenOnTheApi() {
    String token =
        AuthApi.token(anonymousClient(), AuthApi.createKey(admin, "reader", "viewer").key());

    anonymousClient()
        .get()
        .uri("/api/v1/device-types")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void refusesUnknownMalformedWrongAndRevokedKeys() {
    CreatedApiKeyResponse key = AuthApi.createKey(admin, "soon revoked", "admin");
    String wrongSecret = key.key().substring(0, key.key().length() - 4) + "AAAA";
    String unknownId = "iotk_" + "0".repeat(24) + key.key().substring(29);
    admin.delete().uri("/api/v1/api-keys/{id}", key.id()).exchange().expectStatus().isNoContent();

    for (String presented : List.of(key.key(), wrongSecret, unknownId, "not-a-key", " ")) {
      assertProblem(AuthApi.exchange(anonymousClient(), presented), 401, "auth.invalid-api-key");
    }
  }

  @Test
  void refusesAnExpiredToken() {
    Instant issued = Instant.now().minus(1, ChronoUnit.HOURS);
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(auth.issuer())
            .subject("k1")
            .issuedAt(issued)
            .expiresAt(issued.plus(auth.tokenTtl()))
            .claim("tenant", "default")
            .claim("roles", List.of("admin"))
            .build();
    String expired =
        encoder
            .encode(
                JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
            .getTokenValue();

    assertProblem(withToken(expired), 401, "auth.unauthenticated");
  }

  @Test
  void refusesATokenSignedByAnotherKeyOrTamperedWith() {
    String viewer = AuthApi.token(anonymousClient(), AuthApi.createKey(admin, "v", "viewer").key());
    String[] parts = viewer.split("\\.");
    String adminClaims =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                    .replace("\"viewer\"", "\"admin\"")
                    .getBytes());

    assertProblem(
        withToken(TestJwts.builder().roles("admin").build()), 401, "auth.unauthenticated");
    assertProblem(
        withToken(parts[0] + "." + adminClaims + "." + parts[2]), 401, "auth.unauthenticated");
  }

  @Test
  void refusesACallWithoutToken() {
    assertProblem(
        anonymousClient().get().uri("/api/v1/devices").exchange(), 401, "auth.unauthenticated");
  }

  private RestTestClient.ResponseSpec withToken(String token) {
    return anonymousClient()
        .get()
        .uri("/api/v1/devices")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange();
  }
}
