package org.iotplatform.alerts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.alerts.AlertEngineITBase;
import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.testsupport.TestDevices;
import org.iotplatform.testsupport.TestServers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The directory follows the registry's compacted topics: newest version wins, tombstones delete.
 */
class DeviceDirectoryIT extends AlertEngineITBase {

  private static final Duration BOUND = Duration.ofSeconds(30);

  @Autowired DeviceDirectory underTest;

  @Test
  void keepsTheNewestDeviceSnapshotAndForgetsADeletedDevice() throws Exception {
    String tenant = "tenant-" + TestDevices.createOne();
    String device = TestDevices.createOne();
    String marker = TestDevices.createOne();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      RecordMetadata sent =
          send(producer, null, KafkaTopics.DEVICES, device, device(tenant, device, "meter", 2));
      send(
          producer,
          sent.partition(),
          KafkaTopics.DEVICES,
          device,
          device(tenant, device, "stale", 1));
      // Same partition, so once the marker is known the stale snapshot has been read.
      send(
          producer,
          sent.partition(),
          KafkaTopics.DEVICES,
          marker,
          device(tenant, marker, "meter", 1));

      await().atMost(BOUND).until(() -> underTest.typeOf(tenant, marker).isPresent());
      assertThat(underTest.typeOf(tenant, device)).contains("meter");
      assertThat(underTest.typeOf("another-tenant", device)).isEmpty();
      assertThat(underTest.typesWithLabels(tenant, Map.of("site", "berlin")))
          .containsExactly("meter");
      assertThat(underTest.typesWithLabels(tenant, Map.of("site", "paris"))).isEmpty();
      assertThat(underTest.typesOf(tenant, List.of(device, marker, "nobody")))
          .containsExactly("meter");

      send(producer, null, KafkaTopics.DEVICES, device, null);
      await().atMost(BOUND).until(() -> underTest.typeOf(tenant, device).isEmpty());
    }
  }

  @Test
  void keepsTheMetricsADeviceTypeDeclaresUntilItIsDeleted() throws Exception {
    String tenant = "tenant-" + TestDevices.createOne();
    String key = DeviceTypeSnapshot.key(tenant, "meter");
    try (KafkaProducer<String, byte[]> producer = producer()) {
      send(producer, null, KafkaTopics.DEVICE_TYPES, key, type(tenant, "{\"power\":{}}", 1));
      send(
          producer,
          null,
          KafkaTopics.DEVICE_TYPES,
          key,
          type(tenant, "{\"power\":{},\"voltage\":{\"unit\":\"V\",\"min\":0,\"max\":400}}", 2));

      await()
          .atMost(BOUND)
          .until(
              () ->
                  underTest
                      .declaredMetrics(tenant, Set.of("meter"))
                      .equals(Map.of("meter", Set.of("power", "voltage"))));
      assertThat(underTest.typesOfTenant(tenant)).containsExactly("meter");

      send(producer, null, KafkaTopics.DEVICE_TYPES, key, null);
      await().atMost(BOUND).until(() -> underTest.typesOfTenant(tenant).isEmpty());
    }
  }

  private static String device(String tenant, String device, String type, long version) {
    return """
        {"tenantId":"%s","deviceId":"%s","type":"%s","name":null,"labels":{"site":"berlin"},
         "firmwareVersion":null,"status":"ONLINE","version":%d,
         "updatedAt":"2026-11-22T13:00:00Z","credentials":[]}"""
        .formatted(tenant, device, type, version);
  }

  private static String type(String tenant, String metrics, long version) {
    return """
        {"tenantId":"%s","name":"meter","metrics":%s,"version":%d,
         "updatedAt":"2026-11-22T13:00:00Z"}"""
        .formatted(tenant, metrics, version);
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(config);
  }

  private static RecordMetadata send(
      KafkaProducer<String, byte[]> producer,
      @Nullable Integer partition,
      String topic,
      String key,
      @Nullable String json)
      throws Exception {
    return producer
        .send(
            new ProducerRecord<>(
                topic, partition, key, json == null ? null : json.getBytes(StandardCharsets.UTF_8)))
        .get();
  }
}
