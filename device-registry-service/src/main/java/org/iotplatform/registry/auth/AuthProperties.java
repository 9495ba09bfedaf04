package org.iotplatform.registry.auth;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry's token issuer, under {@code iot.registry.auth}.
 *
 * @param issuer the {@code iss} of every token, and the base URL its discovery document announces;
 *     set it to the URL other services reach the registry at when they use {@code
 *     iot.security.jwt.issuer-uri}
 * @param tokenTtl how long an issued token stays valid
 * @param keyDir where the RSA signing key is created at first start and read at every later one;
 *     relative to the working directory unless absolute. Keep it out of version control
 */
@ConfigurationProperties("iot.registry.auth")
public record AuthProperties(
    @DefaultValue("http://127.0.0.1:18081") String issuer,
    @DefaultValue("15m") Duration tokenTtl,
    @DefaultValue("var/registry/jwt") Path keyDir) {

  public AuthProperties {
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("issuer must not be blank");
    }
    if (tokenTtl.isNegative() || tokenTtl.isZero()) {
      throw new IllegalArgumentException("tokenTtl must be positive: " + tokenTtl);
    }
  }
}
