package org.iotplatform.registry.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code Idempotency-Key}, under {@code iot.registry.idempotency}.
 *
 * @param retention how long a key and its answer are kept; a retry after that runs again
 * @param lease how long a request may run before a retry with its key may take the key over (a
 *     registry that crashed while answering never releases it)
 * @param cleanupInterval pause between two deletions of the keys past their retention
 */
@ConfigurationProperties("iot.registry.idempotency")
record IdempotencyProperties(
    @DefaultValue("24h") Duration retention,
    @DefaultValue("10m") Duration lease,
    @DefaultValue("10m") Duration cleanupInterval) {

  IdempotencyProperties {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    if (lease.isNegative() || lease.isZero() || lease.compareTo(retention) > 0) {
      throw new IllegalArgumentException("lease must be positive and at most retention: " + lease);
    }
    if (cleanupInterval.isNegative() || cleanupInterval.isZero()) {
      throw new IllegalArgumentException("cleanupInterval must be positive: " + cleanupInterval);
    }
  }
}
