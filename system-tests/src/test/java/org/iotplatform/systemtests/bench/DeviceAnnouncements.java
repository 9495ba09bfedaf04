package org.iotplatform.systemtests.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.KafkaServer;

/** The registry's part in benchmarks: a snapshot per device on {@code iot.devices.v1}. */
final class DeviceAnnouncements {

  private DeviceAnnouncements() {}

  /** Announces {@code ids} as devices of the tenant {@code default} with type {@code type}. */
  static void announce(KafkaServer kafka, List<String> ids, String type) throws Exception {
    // Not idempotent: on a loaded machine the in-process broker sometimes answered the idempotent
    // producer's retries with OutOfOrderSequenceException and dropped snapshots. A snapshot sent
    // twice is harmless (compacted topic, same value).
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            false,
            ProducerConfig.ACKS_CONFIG,
            "all");
    String now = Instant.now().toString();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (String id : ids) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    KafkaTopics.DEVICES,
                    id,
                    ("{\"tenantId\":\"default\",\"deviceId\":\"%s\",\"type\":\"%s\","
                            + "\"labels\":{},\"status\":\"OFFLINE\",\"version\":1,"
                            + "\"updatedAt\":\"%s\",\"credentials\":[]}")
                        .formatted(id, type, now))));
      }
      for (Future<RecordMetadata> each : sent) {
        each.get(2, TimeUnit.MINUTES);
      }
    }
  }
}
