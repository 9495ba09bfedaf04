package org.iotplatform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * Settings of the outbox relay, under {@code <prefix>.outbox} of the service that runs it (e.g.
 * {@code iot.registry.outbox}); see {@link #bind}.
 *
 * @param interval pause between two polls of the outbox when it is drained
 * @param batchSize most rows sent (and awaited) in one round
 * @param maxBackoff longest pause after failed rounds; the pause doubles from {@code interval}
 * @param sendTimeout how long a round waits for Kafka (metadata and acknowledgements) before it
 *     gives up
 * @param retention how long published rows stay in the table (for people tracing a change) before
 *     the cleanup deletes them; unpublished rows are never deleted
 */
public record OutboxProperties(
    @DefaultValue("200ms") Duration interval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("10s") Duration maxBackoff,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("7d") Duration retention) {

  public OutboxProperties {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    if (maxBackoff.compareTo(interval) < 0) {
      throw new IllegalArgumentException("maxBackoff must be at least interval: " + maxBackoff);
    }
    if (sendTimeout.isNegative() || sendTimeout.isZero()) {
      throw new IllegalArgumentException("sendTimeout must be positive: " + sendTimeout);
    }
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative: " + retention);
    }
  }

  /**
   * The settings under a service's own prefix, defaults for what is not set. Bound here rather than
   * with {@code @ConfigurationProperties} because the prefix is the service's, not this module's.
   *
   * @param prefix e.g. {@code iot.registry.outbox}
   */
  public static OutboxProperties bind(Environment environment, String prefix) {
    return bind(Binder.get(environment), prefix);
  }

  static OutboxProperties bind(Binder binder, String prefix) {
    return binder.bindOrCreate(prefix, OutboxProperties.class);
  }
}
