package org.iotplatform.alerts.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay, under {@code iot.alerts.outbox}.
 *
 * @param interval pause between two polls of the outbox when it is drained
 * @param batchSize most rows sent (and awaited) in one round
 * @param maxBackoff longest pause after failed rounds; the pause doubles from {@code interval}
 * @param sendTimeout how long a round waits for Kafka's acknowledgements before it gives up
 * @param retention how long sent rows stay in the table (for people tracing a change) before the
 *     relay deletes them; unsent rows are never deleted
 */
@ConfigurationProperties("iot.alerts.outbox")
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
}
