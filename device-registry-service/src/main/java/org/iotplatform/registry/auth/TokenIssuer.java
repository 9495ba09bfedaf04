package org.iotplatform.registry.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.UUID;
import org.iotplatform.web.security.IotSecurityProperties;
import org.iotplatform.web.security.Role;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs the registry's JWTs: RS256 with the {@link SigningKey}, claims {@code iss}, {@code sub},
 * the tenant and roles claims ({@code iot.security.claims.*}, {@code tenant} and {@code roles} by
 * default), {@code iat}, {@code exp} and a unique {@code jti}. Thread-safe.
 */
@Component
public class TokenIssuer {

  private final JwtEncoder encoder;
  private final SigningKey key;
  private final AuthProperties auth;
  private final IotSecurityProperties.Claims claims;
  private final Clock clock;

  TokenIssuer(
      JwtEncoder encoder,
      SigningKey key,
      AuthProperties auth,
      IotSecurityProperties security,
      Clock clock) {
    this.encoder = encoder;
    this.key = key;
    this.auth = auth;
    this.claims = security.claims();
    this.clock = clock;
  }

  /**
   * A token valid for {@code iot.registry.auth.token-ttl} from now.
   *
   * @param subject who the caller is: an API key id
   */
  public IssuedToken issue(String subject, String tenant, Collection<Role> roles) {
    // Whole seconds: that is all iat and exp can carry.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(auth.tokenTtl());
    JwtClaimsSet claimSet =
        JwtClaimsSet.builder()
            .issuer(auth.issuer())
            .subject(subject)
            .issuedAt(now)
            .expiresAt(expiresAt)
            .id(UUID.randomUUID().toString())
            .claim(claims.tenant(), tenant)
            .claim(claims.roles(), roles.stream().map(Role::claimValue).toList())
            .build();
    JwsHeader header =
        JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.keyId()).type("JWT").build();
    String value = encoder.encode(JwtEncoderParameters.from(header, claimSet)).getTokenValue();
    return new IssuedToken(value, expiresAt);
  }
}
