package org.iotplatform.alerts.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the alert lifecycle, under {@code iot.alerts.lifecycle}.
 *
 * @param enabled whether the service consumes alert events at all
 * @param topic the topic of alert events
 * @param groupId the Kafka consumer group; instances share it and split the partitions
 * @param retryPause how long the consumer waits before it retries a batch that PostgreSQL refused
 * @param maxPollRecords most events applied in one database transaction
 */
@ConfigurationProperties("iot.alerts.lifecycle")
public record LifecycleProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("iot.alerts.v1") String topic,
    @DefaultValue("alert-engine") String groupId,
    @DefaultValue("1s") Duration retryPause,
    @DefaultValue("500") int maxPollRecords) {

  public LifecycleProperties {
    if (retryPause.isNegative() || retryPause.isZero()) {
      throw new IllegalArgumentException("retryPause must be positive: " + retryPause);
    }
    if (maxPollRecords < 1) {
      throw new IllegalArgumentException("maxPollRecords must be at least 1: " + maxPollRecords);
    }
  }
}
