package org.iotplatform.web.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service validates operators' JWTs ({@code iot.security.*}).
 *
 * @param jwt where the signing keys come from and what else a token must satisfy
 * @param claims the names of the claims that carry the tenant and the roles
 */
@ConfigurationProperties("iot.security")
public record IotSecurityProperties(@DefaultValue Jwt jwt, @DefaultValue Claims claims) {

  /**
   * The keys that sign valid tokens. The first source set wins: {@code public-key-location}, then
   * {@code issuer-uri}, then {@code jwk-set-uri}.
   *
   * @param jwkSetUri the JWK Set of the issuer; by default the dev stack registry's
   * @param issuerUri an OpenID Connect issuer (an external identity provider, or the registry's
   *     {@code iot.registry.auth.issuer}); its discovery document names the JWK Set, and tokens
   *     must carry it as {@code iss}
   * @param publicKeyLocation a PEM file ({@code file:...} or {@code classpath:...}) holding the
   *     issuer's RSA public key, for machines that cannot reach the issuer, and for tests
   * @param audiences when not empty, a token's {@code aud} must name one of these
   * @param clockSkew how far {@code exp} and {@code nbf} may be off before a token is refused
   */
  public record Jwt(
      @DefaultValue(DEFAULT_JWK_SET_URI) URI jwkSetUri,
      @Nullable URI issuerUri,
      @Nullable String publicKeyLocation,
      @DefaultValue List<String> audiences,
      @DefaultValue("60s") Duration clockSkew) {

    public Jwt {
      audiences = List.copyOf(audiences);
    }
  }

  /**
   * Claim names, configurable so that an external issuer's tokens fit.
   *
   * @param tenant the claim holding the caller's tenant id (a string); a token without it is
   *     refused
   * @param roles the claim holding the caller's roles (a list of strings, or one string of names
   *     separated by spaces or commas); unknown names are ignored
   */
  public record Claims(
      @DefaultValue("tenant") String tenant, @DefaultValue("roles") String roles) {}

  /** The JWK Set of the registry that {@code ./iot up} starts. */
  public static final String DEFAULT_JWK_SET_URI = "http://127.0.0.1:18081/api/v1/auth/jwks";
}
