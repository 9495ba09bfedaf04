package org.iotplatform.registry.credential;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of issued credentials, under {@code iot.registry.credentials}.
 *
 * @param certificateValidity how long a certificate is valid when the request names no validity
 * @param maxValidity the longest validity a request may ask for, certificates and tokens alike
 * @param rotationOverlap how long a replaced credential keeps working when the request names no
 *     overlap
 * @param maxRotationOverlap the longest overlap a request may ask for
 */
@ConfigurationProperties("iot.registry.credentials")
public record CredentialProperties(
    @DefaultValue("365d") Duration certificateValidity,
    @DefaultValue("3650d") Duration maxValidity,
    @DefaultValue("24h") Duration rotationOverlap,
    @DefaultValue("30d") Duration maxRotationOverlap) {

  public CredentialProperties {
    if (certificateValidity.isNegative()
        || certificateValidity.isZero()
        || certificateValidity.compareTo(maxValidity) > 0) {
      throw new IllegalArgumentException(
          "certificateValidity must be positive and at most maxValidity: " + certificateValidity);
    }
    if (rotationOverlap.isNegative() || rotationOverlap.compareTo(maxRotationOverlap) > 0) {
      throw new IllegalArgumentException(
          "rotationOverlap must be between 0 and maxRotationOverlap: " + rotationOverlap);
    }
  }
}
