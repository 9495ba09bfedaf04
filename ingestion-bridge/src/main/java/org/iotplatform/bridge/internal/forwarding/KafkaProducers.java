package org.iotplatform.bridge.internal.forwarding;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iotplatform.bridge.BridgeConfig;

/** Creates the bridge's Kafka producer. */
public final class KafkaProducers {

  private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  // Kafka's default buffer.memory.
  private static final long MIN_BUFFER_MEMORY = 32L * 1024 * 1024;

  private KafkaProducers() {}

  /**
   * The producer for {@code config}: idempotent with {@code acks=all}, so an acknowledged record is
   * on every in-sync replica and a retry never duplicates it. Creating it contacts no broker.
   */
  public static Producer<byte[], byte[]> create(BridgeConfig config) {
    // Kafka loads some classes by name through the context class loader; inside the broker that
    // loader need not see this extension's jars.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(KafkaProducers.class.getClassLoader());
    try {
      return new KafkaProducer<>(
          properties(config), new ByteArraySerializer(), new ByteArraySerializer());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * The producer's buffer: twice the bridge's in-flight bound, and no less than Kafka's default.
   * The bridge's bound, not the buffer, must decide when publishes wait, because a full buffer
   * blocks {@code send} ({@code max.block.ms}); the slack covers what Kafka adds to the records the
   * bridge weighs (batch headers, batches allocated at {@code batch.size} per partition).
   */
  static long bufferMemory(BridgeConfig config) {
    return Math.max(MIN_BUFFER_MEMORY, 2 * config.limits().maxInFlightBytes());
  }

  /** The producer properties for {@code config}. */
  static Map<String, Object> properties(BridgeConfig config) {
    BridgeConfig.ProducerTuning tuning = config.producer();
    // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
    Duration requestTimeout = config.sendTimeout().minus(tuning.linger());
    if (requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
      requestTimeout = MAX_REQUEST_TIMEOUT;
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, (int) tuning.linger().toMillis());
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, tuning.batchSizeBytes());
    properties.put(
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, tuning.maxInFlightRequests());
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, tuning.maxBlock().toMillis());
    properties.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis());
    properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, bufferMemory(config));
    return properties;
  }
}
