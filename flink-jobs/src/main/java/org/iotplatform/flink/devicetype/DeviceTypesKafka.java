package org.iotplatform.flink.devicetype;

import java.util.regex.Pattern;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.iotplatform.contracts.KafkaTopics;

/** The Kafka end of the range check: the compacted {@code iot.device-types.v1} source. */
public final class DeviceTypesKafka {

  private DeviceTypesKafka() {}

  /**
   * Reads {@link KafkaTopics#DEVICE_TYPES} from the earliest record on every fresh start, like
   * {@code DevicesKafka}: reading the compacted topic whole rebuilds every type. Subscribed by
   * pattern, so that a job started before the topic exists runs (without range checks) and picks
   * the topic up, from its start, within the discovery interval once the registry creates it.
   */
  public static KafkaSource<DeviceTypeUpdate> source(String bootstrapServers, String groupId) {
    return KafkaSource.<DeviceTypeUpdate>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopicPattern(Pattern.compile(Pattern.quote(KafkaTopics.DEVICE_TYPES)))
        .setGroupId(groupId)
        .setClientIdPrefix(groupId + "-device-types")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new DeviceTypeUpdateDeserializer())
        .setProperty("commit.offsets.on.checkpoint", "false")
        .setProperty("partition.discovery.interval.ms", "30000")
        .build();
  }
}
