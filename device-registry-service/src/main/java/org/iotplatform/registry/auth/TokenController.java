package org.iotplatform.registry.auth;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The token exchange and what resource servers need to check its tokens; all open. */
@RestController
class TokenController {

  private final ApiKeyManagement keys;
  private final TokenIssuer issuer;
  private final SigningKey signingKey;
  private final AuthProperties auth;
  private final Clock clock;

  TokenController(
      ApiKeyManagement keys,
      TokenIssuer issuer,
      SigningKey signingKey,
      AuthProperties auth,
      Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.signingKey = signingKey;
    this.auth = auth;
    this.clock = clock;
  }

  @PostMapping("/api/v1/auth/token")
  @Operation(
      summary = "Exchange an API key for a short-lived JWT",
      description =
          "Send {\"apiKey\": \"iotk_...\"}; use the access_token as 'Authorization: Bearer ...'.")
  ResponseEntity<TokenResponse> token(@RequestBody TokenRequest request) {
    if (request.apiKey() == null || request.apiKey().isBlank()) {
      throw new ApiException(RegistryError.AUTH_INVALID_API_KEY, "'apiKey' is missing.");
    }
    ApiKeyManagement.AuthenticatedKey key = keys.authenticate(request.apiKey());
    IssuedToken token = issuer.issue(key.id(), key.tenant(), List.of(key.role()));
    long expiresIn = Duration.between(clock.instant(), token.expiresAt()).toSeconds();
    // RFC 6749 5.1: a response carrying a token must not be cached.
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new TokenResponse(token.value(), "Bearer", Math.max(expiresIn, 0)));
  }

  @GetMapping({"/api/v1/auth/jwks", "/.well-known/jwks.json"})
  @Operation(summary = "The public keys that verify the registry's tokens (JWK Set)")
  Map<String, Object> jwks() {
    return signingKey.publicJwkSet();
  }

  @GetMapping("/.well-known/openid-configuration")
  @Operation(
      summary = "Discovery document",
      description = "Lets resource servers configured with an issuer URI find the JWK Set.")
  Map<String, Object> discovery() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("issuer", auth.issuer());
    document.put("jwks_uri", auth.issuer() + "/api/v1/auth/jwks");
    document.put("token_endpoint", auth.issuer() + "/api/v1/auth/token");
    document.put("response_types_supported", List.of("token"));
    document.put("subject_types_supported", List.of("public"));
    document.put("id_token_signing_alg_values_supported", List.of("RS256"));
    document.put("claims_supported", List.of("iss", "sub", "tenant", "roles", "exp", "iat", "jti"));
    return document;
  }
}
