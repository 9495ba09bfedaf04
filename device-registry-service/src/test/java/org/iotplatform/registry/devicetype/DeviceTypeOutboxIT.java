package org.iotplatform.registry.devicetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.Tenants;
import org.iotplatform.registry.DevicesTopic;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Device type changes reach {@code iot.device-types.v1} through the outbox, on real PostgreSQL and
 * Kafka.
 */
@ExtendWith(KafkaExtension.class)
class DeviceTypeOutboxIT extends RegistryITBase {

  private static final String TENANT = Tenants.DEFAULT;
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DeviceTypeManagement underTest;
  private final JdbcTemplate jdbc;
  private @Nullable KafkaConsumer<String, byte[]> consumer;

  DeviceTypeOutboxIT(@Autowired DeviceTypeManagement underTest, @Autowired JdbcTemplate jdbc) {
    this.underTest = underTest;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void setUp(KafkaServer kafka) {
    kafka.createTopics(
        List.of(
            new NewTopic(KafkaTopics.DEVICE_TYPES, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"))));
    consumer = DevicesTopic.consumer(kafka, true);
    consumer.subscribe(List.of(KafkaTopics.DEVICE_TYPES));
  }

  @AfterEach
  void closeConsumer() {
    if (consumer != null) {
      consumer.close();
    }
  }

  @Test
  void publishesCreateUpdateAndDeleteInOrderKeyedByTenantAndName() {
    String name = uniqueName();

    underTest.create(
        TENANT,
        new DeviceTypeRequest(name, Map.of("temperature", new MetricRange("Cel", -40.0, 85.0))));
    underTest.update(
        TENANT,
        name,
        new DeviceTypeRequest(
            null,
            Map.of(
                "temperature", new MetricRange("Cel", -20.0, 60.0),
                "battery", new MetricRange("%", null, null))));
    underTest.delete(TENANT, name);

    String key = TENANT + "/" + name;
    List<ConsumerRecord<String, byte[]>> records = awaitRecords(key, 3);
    DeviceTypeSnapshot created = snapshot(records.get(0));
    assertThat(created.tenantId()).isEqualTo(TENANT);
    assertThat(created.name()).isEqualTo(name);
    assertThat(created.metrics())
        .isEqualTo(Map.of("temperature", new DeviceTypeSnapshot.MetricRange("Cel", -40.0, 85.0)));
    assertThat(created.version()).isZero();
    DeviceTypeSnapshot updated = snapshot(records.get(1));
    assertThat(updated.metrics())
        .isEqualTo(
            Map.of(
                "temperature", new DeviceTypeSnapshot.MetricRange("Cel", -20.0, 60.0),
                "battery", new DeviceTypeSnapshot.MetricRange("%", null, null)));
    assertThat(updated.version()).isEqualTo(1);
    assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
    assertThat(records.get(2).value()).as("tombstone").isNull();
  }

  @Test
  void aRefusedChangeWritesNoOutboxRow() {
    String name = uniqueName();
    underTest.create(TENANT, new DeviceTypeRequest(name, Map.of()));

    assertThatThrownBy(() -> underTest.create(TENANT, new DeviceTypeRequest(name, Map.of())))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(
            () ->
                underTest.update(
                    TENANT,
                    name,
                    new DeviceTypeRequest(null, Map.of("t", new MetricRange(null, 10.0, 0.0)))))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> underTest.delete(TENANT, uniqueName()))
        .isInstanceOf(ApiException.class);

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM outbox WHERE topic = ?",
                Integer.class,
                KafkaTopics.DEVICE_TYPES))
        .isEqualTo(1);
  }

  private static String uniqueName() {
    return "type-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Polls until {@code count} records keyed {@code key} arrived; others are skipped. */
  private List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int count) {
    List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
    KafkaConsumer<String, byte[]> kafka = consumer;
    assertThat(kafka).isNotNull();
    await()
        .atMost(BOUND)
        .until(
            () -> {
              for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                if (key.equals(record.key())) {
                  received.add(record);
                }
              }
              return received.size() >= count;
            });
    assertThat(received).hasSize(count);
    return received;
  }

  private static DeviceTypeSnapshot snapshot(ConsumerRecord<String, byte[]> record) {
    assertThat(record.value()).as("a snapshot, not a tombstone").isNotNull();
    return JSON.readValue(record.value(), DeviceTypeSnapshot.class);
  }
}
