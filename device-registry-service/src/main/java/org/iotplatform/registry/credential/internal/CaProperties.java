package org.iotplatform.registry.credential.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform CA, under {@code iot.registry.ca}: an external CA when {@code certificate} and
 * {@code privateKey} are set, otherwise one generated at first start in {@code directory}.
 *
 * @param directory where the generated CA's key and certificate live (relative to the working
 *     directory unless absolute); created at first start, reused afterwards
 * @param certificate PEM file of an external CA's certificate, optionally followed by its issuers
 * @param privateKey PEM file of the external CA's private key (PKCS#8 or PKCS#1/SEC1, unencrypted)
 * @param subject the distinguished name of a generated CA
 * @param validity how long a generated CA's certificate is valid
 */
@ConfigurationProperties("iot.registry.ca")
public record CaProperties(
    @DefaultValue("var/registry/ca") Path directory,
    @Nullable Path certificate,
    @Nullable Path privateKey,
    @DefaultValue("CN=IoT platform device CA") String subject,
    @DefaultValue("3650d") Duration validity) {

  public CaProperties {
    if ((certificate == null) != (privateKey == null)) {
      throw new IllegalArgumentException(
          "certificate and privateKey go together: set both for an external CA, or neither to"
              + " use the CA in directory");
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive: " + validity);
    }
  }

  /** True when an external CA is configured. */
  public boolean external() {
    return certificate != null;
  }
}
