package org.iotplatform.bridge.internal.view;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Creates the consumer of the devices topic. */
public final class DeviceViews {

  private DeviceViews() {}

  /**
   * A consumer without a group (partitions are assigned, offsets never committed). {@code
   * fetch.max.wait.ms} stays at 500 ms, a part of ADR 0006's revocation bound.
   */
  public static Consumer<String, byte[]> consumer(String bootstrapServers) {
    // As for the producer: the broker's context class loader need not see this extension's jars.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(DeviceViews.class.getClassLoader());
    try {
      return new KafkaConsumer<>(
          properties(bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  static Map<String, Object> properties(String bootstrapServers) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return properties;
  }
}
