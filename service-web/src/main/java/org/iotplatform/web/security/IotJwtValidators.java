package org.iotplatform.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * What a token must satisfy beyond its signature, for every decoder of the platform (the shared
 * one, and the registry's own over its local key).
 */
public final class IotJwtValidators {

  private IotJwtValidators() {}

  /**
   * A validator of the {@code typ} header, {@code exp} and {@code nbf} (with the configured clock
   * skew), the issuer when one is given, the audiences when some are configured, and the presence
   * of a subject and a tenant.
   *
   * @param issuer the {@code iss} every token must carry, or null to accept any issuer whose key
   *     verifies the signature
   */
  public static OAuth2TokenValidator<Jwt> create(
      IotSecurityProperties properties, @Nullable String issuer) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtTypeValidator.jwt());
    validators.add(new JwtTimestampValidator(properties.jwt().clockSkew()));
    if (issuer != null) {
      validators.add(new JwtIssuerValidator(issuer));
    }
    List<String> audiences = properties.jwt().audiences();
    if (!audiences.isEmpty()) {
      validators.add(
          new JwtClaimValidator<Collection<String>>(
              JwtClaimNames.AUD, aud -> aud.stream().anyMatch(audiences::contains)));
    }
    validators.add(new JwtClaimValidator<Object>(JwtClaimNames.SUB, IotJwtValidators::isText));
    // A token without a tenant could act in none; refusing it here makes it a 401 everywhere.
    validators.add(
        new JwtClaimValidator<Object>(properties.claims().tenant(), IotJwtValidators::isText));
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  private static boolean isText(Object value) {
    return value instanceof String text && !text.isBlank();
  }
}
