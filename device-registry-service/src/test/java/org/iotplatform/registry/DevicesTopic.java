package org.iotplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iotplatform.contracts.DeviceSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.KafkaServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** The registry's topic {@code iot.devices.v1} as the outbox tests read it. */
public final class DevicesTopic {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DevicesTopic() {}

  /** Creates the topic compacted, as in production; a no-op if the relay auto-created it first. */
  public static void createCompacted(KafkaServer kafka) {
    kafka.createTopics(
        List.of(
            new NewTopic(KafkaTopics.DEVICES, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"))));
  }

  /**
   * A consumer of device-id keys and snapshot bytes: in a fresh group reading from the earliest
   * offset (subscribe it), or without a group (assign it) when {@code inGroup} is false.
   */
  public static KafkaConsumer<String, byte[]> consumer(KafkaServer kafka, boolean inGroup) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    if (inGroup) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, "registry-it-" + UUID.randomUUID());
      config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(config);
  }

  /** A record value (or outbox payload) read as the snapshot it must be; a tombstone fails. */
  public static DeviceSnapshot snapshot(byte @Nullable [] value) {
    assertThat(value).as("a snapshot, not a tombstone").isNotNull();
    return JSON.readValue(value, DeviceSnapshot.class);
  }
}
