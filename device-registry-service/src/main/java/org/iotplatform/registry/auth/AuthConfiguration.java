package org.iotplatform.registry.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.List;
import org.iotplatform.web.security.AccessRules;
import org.iotplatform.web.security.IotJwtDecoders;
import org.iotplatform.web.security.IotJwtValidators;
import org.iotplatform.web.security.IotSecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The registry as issuer and as resource server. Its own tokens are checked against the local
 * public key, never fetched over HTTP from itself; the platform's role rules (service-web) apply,
 * plus the paths below.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthProperties.class, BootstrapProperties.class})
class AuthConfiguration {

  /** The token exchange and the public keys need no token; key management needs an admin. */
  static final List<String> OPEN_PATHS =
      List.of(
          "/api/v1/auth/token",
          "/api/v1/auth/jwks",
          "/.well-known/jwks.json",
          "/.well-known/openid-configuration");

  static final List<String> ADMIN_PATHS = List.of("/api/v1/api-keys", "/api/v1/api-keys/**");

  @Bean
  AccessRules authAccessRules() {
    return new AccessRules(OPEN_PATHS, ADMIN_PATHS);
  }

  @Bean
  SigningKey signingKey(AuthProperties auth) {
    return SigningKey.loadOrCreate(auth.keyDir());
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKey key) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.jwk())));
  }

  /**
   * Tokens the registry issued are checked with its own key. When {@code iot.security.jwt.*} names
   * an external issuer too (issuer URI or public key), tokens of any other {@code iss} go to that
   * issuer's decoder, so operators of an external identity provider reach the registry as well.
   */
  @Bean
  JwtDecoder jwtDecoder(SigningKey key, AuthProperties auth, IotSecurityProperties security) {
    NimbusJwtDecoder local =
        NimbusJwtDecoder.withPublicKey(key.publicKey())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    local.setJwtValidator(IotJwtValidators.create(security, auth.issuer()));
    IotSecurityProperties.Jwt external = security.jwt();
    if (external.issuerUri() == null && external.publicKeyLocation() == null) {
      return local;
    }
    JwtDecoder other = IotJwtDecoders.fromProperties(security);
    // Choosing by the unverified iss is safe: the chosen decoder still verifies the signature.
    return token ->
        auth.issuer().equals(issuerOf(token)) ? local.decode(token) : other.decode(token);
  }

  private static String issuerOf(String token) {
    try {
      String issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
      return issuer == null ? "" : issuer;
    } catch (ParseException e) {
      throw new BadJwtException("Malformed token: " + e.getMessage(), e);
    }
  }
}
