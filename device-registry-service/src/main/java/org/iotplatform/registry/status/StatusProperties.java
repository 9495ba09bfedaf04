package org.iotplatform.registry.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the status writer, under {@code iot.registry.status}.
 *
 * @param enabled whether the registry consumes device events at all
 * @param groupId the Kafka consumer group; registry instances share it and split the partitions
 * @param flushInterval longest time a status change waits in memory before it is written
 * @param lastSeenResolution how far last_seen may lag behind the newest event of an online device;
 *     heartbeats within it are absorbed in memory instead of becoming row updates
 * @param batchSize most rows written by one statement
 * @param rememberedDevices most devices whose last written state is kept in memory; beyond that the
 *     least recently seen are forgotten, and their next event is written without coalescing
 */
@ConfigurationProperties("iot.registry.status")
public record StatusProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("device-registry-status") String groupId,
    @DefaultValue("2s") Duration flushInterval,
    @DefaultValue("5m") Duration lastSeenResolution,
    @DefaultValue("5000") int batchSize,
    @DefaultValue("1000000") long rememberedDevices) {

  public StatusProperties {
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be positive: " + flushInterval);
    }
    if (lastSeenResolution.isNegative()) {
      throw new IllegalArgumentException(
          "lastSeenResolution must not be negative: " + lastSeenResolution);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    if (rememberedDevices < 0) {
      throw new IllegalArgumentException(
          "rememberedDevices must not be negative: " + rememberedDevices);
    }
  }
}
