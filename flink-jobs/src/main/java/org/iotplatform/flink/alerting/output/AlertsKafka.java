package org.iotplatform.flink.alerting.output;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.contracts.KafkaTopics;

/** The Kafka end of the alert evaluation job: the {@code iot.alerts.v1} sink. */
public final class AlertsKafka {

  /**
   * The producer's linger: a few milliseconds of batching, far below the 250 ms the alert latency
   * may take from the device's publish to the event.
   */
  public static final String LINGER_MS = "5";

  private AlertsKafka() {}

  /**
   * Writes alert events to {@link KafkaTopics#ALERTS}, at least once: flushed on every checkpoint,
   * so a restart may repeat events, which carry the same ids (consumers dedupe on {@code eventId}).
   */
  public static KafkaSink<AlertEvent> sink(String bootstrapServers) {
    return KafkaSink.<AlertEvent>builder()
        .setBootstrapServers(bootstrapServers)
        .setRecordSerializer(new AlertEventSerializer())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setProperty("linger.ms", LINGER_MS)
        .build();
  }
}
