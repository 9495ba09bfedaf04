package org.iotplatform.flink.enrichment;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.iotplatform.contracts.KafkaTopics;

/** The Kafka end of enrichment: the compacted {@code iot.devices.v1} source. */
public final class DevicesKafka {

  private DevicesKafka() {}

  /**
   * Reads {@link KafkaTopics#DEVICES} from the earliest record on every fresh start: the topic is
   * compacted, so reading it whole rebuilds every device's snapshot when the job starts without
   * state. A job restored from a checkpoint resumes at the checkpointed offsets instead. The group
   * id only names the clients; committed offsets are not used.
   */
  public static KafkaSource<DeviceUpdate> source(String bootstrapServers, String groupId) {
    return KafkaSource.<DeviceUpdate>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics(KafkaTopics.DEVICES)
        .setGroupId(groupId)
        .setClientIdPrefix(groupId + "-devices")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new DeviceUpdateDeserializer())
        .setProperty("commit.offsets.on.checkpoint", "false")
        .setProperty("partition.discovery.interval.ms", "30000")
        .build();
  }
}
