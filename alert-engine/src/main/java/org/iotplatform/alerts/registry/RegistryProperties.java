package org.iotplatform.alerts.registry;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the alert engine reaches the device registry, under {@code iot.alerts.registry}.
 *
 * @param baseUrl the registry's base URL (the dev stack's by default)
 * @param timeout how long one call to the registry may take
 * @param maxGroupMembers most devices a group may hold for a rule or silence to be scoped to it
 */
@ConfigurationProperties("iot.alerts.registry")
public record RegistryProperties(
    @DefaultValue("http://127.0.0.1:18081") URI baseUrl,
    @DefaultValue("5s") Duration timeout,
    @DefaultValue("10000") int maxGroupMembers) {

  public RegistryProperties {
    if (maxGroupMembers < 1) {
      throw new IllegalArgumentException("maxGroupMembers must be at least 1: " + maxGroupMembers);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }
}
