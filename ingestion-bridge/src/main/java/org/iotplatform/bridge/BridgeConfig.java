package org.iotplatform.bridge;

import java.time.Duration;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.Tenants;

/**
 * Configuration of the ingestion bridge.
 *
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param tenantId the tenant written on every record; {@link Tenants#DEFAULT} until the device
 *     registry assigns tenants per device
 * @param topics the Kafka topics records go to
 * @param producer tuning of the Kafka producer
 * @param sendTimeout how long Kafka may take to acknowledge a record before the device gets an
 *     error (Kafka's {@code delivery.timeout.ms}, retries included)
 */
public record BridgeConfig(
    String bootstrapServers,
    String tenantId,
    Topics topics,
    ProducerTuning producer,
    Duration sendTimeout) {

  /** Default for {@link #sendTimeout}. */
  public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);

  public BridgeConfig {
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("Kafka bootstrap servers are required");
    }
    if (tenantId.isBlank()) {
      throw new IllegalArgumentException("tenant id must not be blank");
    }
    if (sendTimeout.compareTo(producer.linger().plusSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "send timeout must exceed linger by at least a second: " + sendTimeout);
    }
  }

  /** The defaults, with the given Kafka bootstrap servers. */
  public static BridgeConfig defaults(String bootstrapServers) {
    return new BridgeConfig(
        bootstrapServers,
        Tenants.DEFAULT,
        Topics.defaults(),
        ProducerTuning.defaults(),
        DEFAULT_SEND_TIMEOUT);
  }

  public BridgeConfig withTenantId(String tenantId) {
    return new BridgeConfig(bootstrapServers, tenantId, topics, producer, sendTimeout);
  }

  public BridgeConfig withTopics(Topics topics) {
    return new BridgeConfig(bootstrapServers, tenantId, topics, producer, sendTimeout);
  }

  public BridgeConfig withProducer(ProducerTuning producer) {
    return new BridgeConfig(bootstrapServers, tenantId, topics, producer, sendTimeout);
  }

  public BridgeConfig withSendTimeout(Duration sendTimeout) {
    return new BridgeConfig(bootstrapServers, tenantId, topics, producer, sendTimeout);
  }

  /**
   * The Kafka topics the bridge writes to.
   *
   * @param telemetry where {@code devices/{id}/telemetry} goes
   * @param deviceEvents where {@code devices/{id}/status} goes
   */
  public record Topics(String telemetry, String deviceEvents) {

    public Topics {
      if (telemetry.isBlank() || deviceEvents.isBlank()) {
        throw new IllegalArgumentException("topic names must not be blank");
      }
    }

    /** The topics of the platform contract ({@link KafkaTopics}). */
    public static Topics defaults() {
      return new Topics(KafkaTopics.TELEMETRY, KafkaTopics.DEVICE_EVENTS);
    }
  }

  /**
   * Kafka producer tuning. The defaults are Kafka's own except {@code maxBlock}; tune them with a
   * benchmark, since a longer linger batches more but delays every device's PUBACK by as much.
   *
   * @param linger how long the producer waits to fill a batch ({@code linger.ms})
   * @param batchSizeBytes upper bound of a batch per partition ({@code batch.size})
   * @param maxInFlightRequests unacknowledged requests per connection, 1 to 5 because the producer
   *     is idempotent ({@code max.in.flight.requests.per.connection})
   * @param maxBlock how long a send may block the broker's extension thread while Kafka metadata is
   *     unknown or the buffer is full ({@code max.block.ms}); short (Kafka's default is a minute)
   *     because a blocked thread holds up other clients' publishes
   */
  public record ProducerTuning(
      Duration linger, int batchSizeBytes, int maxInFlightRequests, Duration maxBlock) {

    public ProducerTuning {
      if (linger.isNegative() || maxBlock.isNegative()) {
        throw new IllegalArgumentException("durations must not be negative");
      }
      if (batchSizeBytes < 0) {
        throw new IllegalArgumentException("batch size must not be negative: " + batchSizeBytes);
      }
      // Kafka keeps ordering under retries for an idempotent producer only up to 5 in flight.
      if (maxInFlightRequests < 1 || maxInFlightRequests > 5) {
        throw new IllegalArgumentException(
            "max in-flight requests must be 1 to 5: " + maxInFlightRequests);
      }
    }

    public static ProducerTuning defaults() {
      return new ProducerTuning(Duration.ofMillis(5), 16_384, 5, Duration.ofSeconds(1));
    }
  }
}
