package org.iotplatform.flink.telemetry;

import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.iotplatform.contracts.KafkaTopics;

/** The Kafka ends of telemetry jobs: the {@code iot.telemetry.v1} source and the DLQ sink. */
public final class TelemetryKafka {

  private TelemetryKafka() {}

  /**
   * Reads {@link KafkaTopics#TELEMETRY} as a consumer group. A new group starts at the earliest
   * record; a known group resumes at its committed offsets, which Flink commits on each completed
   * checkpoint, so a restarted job neither skips nor rereads much.
   */
  public static KafkaSource<TelemetryRecord> source(String bootstrapServers, String groupId) {
    return source(bootstrapServers, groupId, List.of(KafkaTopics.TELEMETRY));
  }

  /**
   * Reads {@code topics} that carry telemetry-shaped records (such as {@link
   * KafkaTopics#ANOMALY_SCORES} beside {@link KafkaTopics#TELEMETRY}) as a consumer group, like
   * {@link #source(String, String)}.
   */
  @SuppressWarnings("deprecation") // OffsetResetStrategy: the connector's API still takes it
  public static KafkaSource<TelemetryRecord> source(
      String bootstrapServers, String groupId, List<String> topics) {
    return KafkaSource.<TelemetryRecord>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics(topics)
        .setGroupId(groupId)
        .setClientIdPrefix(groupId)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new TelemetryRecordDeserializer())
        // Picks up partitions added to the topic while the job runs (the default is 5 min).
        .setProperty("partition.discovery.interval.ms", "30000")
        .build();
  }

  /** Writes rejected records to {@link KafkaTopics#TELEMETRY_DLQ}, at least once. */
  public static KafkaSink<RejectedTelemetry> deadLetterSink(String bootstrapServers) {
    return KafkaSink.<RejectedTelemetry>builder()
        .setBootstrapServers(bootstrapServers)
        .setRecordSerializer(new DeadLetterSerializer())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }
}
