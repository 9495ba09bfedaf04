package org.iotplatform.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.alerts.AlertEngineITBase;
import org.iotplatform.alerts.directory.DeviceDirectory;
import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.testsupport.TestDevices;
import org.iotplatform.testsupport.TestServers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Unknown devices and metrics are refused once the directory consumed the registry's snapshots,
 * which the test writes to the registry's topics itself.
 */
class RuleDirectoryChecksIT extends AlertEngineITBase {

  private static final String RULES = "/api/v1/alert-rules";

  @LocalServerPort int port;
  @Autowired DeviceDirectory directory;

  @Test
  void refusesUnknownDevicesAndMetricsOnceTheRegistrysSnapshotsAreKnown() throws Exception {
    String tenant = "tenant-dir-" + TestDevices.createOne();
    String device = TestDevices.createOne();
    String stranger = TestDevices.createOne();
    TestApi api = TestApi.operator(port, tenant);

    TestApi.Response unknown = api.post(RULES, deviceRule(device, "temperature"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.errorCode()).isEqualTo("rule.unknown-device");

    try (KafkaProducer<String, byte[]> producer = producer()) {
      send(
          producer,
          KafkaTopics.DEVICE_TYPES,
          DeviceTypeSnapshot.key(tenant, "thermometer"),
          """
          {"tenantId":"%s","name":"thermometer","metrics":{"temperature":{"unit":"Cel",
           "min":-40.0,"max":85.0}},"version":1,"updatedAt":"2026-11-22T13:00:00Z"}"""
              .formatted(tenant));
      send(producer, KafkaTopics.DEVICES, device, device(tenant, device));
      send(producer, KafkaTopics.DEVICES, stranger, device("another-tenant", stranger));
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.post(RULES, deviceRule(device, "temperature")).status() == 201);
    // The two topics have a listener each: the device may be known before its type, and until the
    // type is known any metric passes.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                directory
                    .declaredMetrics(tenant, Set.of("thermometer"))
                    .containsKey("thermometer"));

    TestApi.Response unknownMetric = api.post(RULES, deviceRule(device, "pressure"));
    assertThat(unknownMetric.status()).isEqualTo(422);
    assertThat(unknownMetric.errorCode()).isEqualTo("rule.unknown-metric");
    assertThat(unknownMetric.body().path("detail").asString()).contains("pressure");
    assertThat(api.post(RULES, deviceRule(device, "battery")).status()).isEqualTo(201);
    assertThat(api.post(RULES, typeRule("thermometer", "pressure")).errorCode())
        .isEqualTo("rule.unknown-metric");
    assertThat(api.post(RULES, deviceRule(stranger, "temperature")).errorCode())
        .isEqualTo("rule.unknown-device");
    assertThat(api.get(RULES + "?deviceId=" + device).body().path("items").size()).isEqualTo(2);
  }

  private static String deviceRule(String device, String metric) {
    return """
        {"name":"r","scope":{"kind":"DEVICE","deviceId":"%s"},"condition":{"type":"THRESHOLD",
         "metric":"%s","operator":"GT","value":1},"severity":"LOW"}"""
        .formatted(device, metric);
  }

  private static String typeRule(String type, String metric) {
    return """
        {"name":"r","scope":{"kind":"TYPE","deviceType":"%s"},"condition":{"type":"THRESHOLD",
         "metric":"%s","operator":"GT","value":1},"severity":"LOW"}"""
        .formatted(type, metric);
  }

  private static String device(String tenant, String device) {
    return """
        {"tenantId":"%s","deviceId":"%s","type":"thermometer","name":null,"labels":{"site":"b"},
         "firmwareVersion":null,"status":"OFFLINE","version":1,
         "updatedAt":"2026-11-22T13:00:00Z","credentials":[]}"""
        .formatted(tenant, device);
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(config);
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, String topic, String key, @Nullable String json)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                topic, key, json == null ? null : json.getBytes(StandardCharsets.UTF_8)))
        .get();
  }
}
