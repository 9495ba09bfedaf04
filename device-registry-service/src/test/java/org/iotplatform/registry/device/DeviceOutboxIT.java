package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iotplatform.contracts.DeviceSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.Tenants;
import org.iotplatform.registry.DevicesTopic;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.devicetype.DeviceTypeManagement;
import org.iotplatform.registry.devicetype.DeviceTypeRequest;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.TestDevices;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Device changes reach {@code iot.devices.v1} through the outbox, on real PostgreSQL and Kafka. */
@ExtendWith(KafkaExtension.class)
class DeviceOutboxIT extends RegistryITBase {

  private static final String TENANT = Tenants.DEFAULT;
  private static final Duration BOUND = Duration.ofSeconds(30);

  private final DeviceManagement underTest;
  private final DeviceTypeManagement types;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private @Nullable KafkaConsumer<String, byte[]> consumer;

  DeviceOutboxIT(
      @Autowired DeviceManagement underTest,
      @Autowired DeviceTypeManagement types,
      @Autowired JdbcTemplate jdbc,
      @Autowired TransactionTemplate transactions) {
    this.underTest = underTest;
    this.types = types;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @BeforeEach
  void setUp(KafkaServer kafka) {
    DevicesTopic.createCompacted(kafka);
    types.create(TENANT, new DeviceTypeRequest("thermometer", Map.of()));
    consumer = DevicesTopic.consumer(kafka, true);
    consumer.subscribe(List.of(KafkaTopics.DEVICES));
  }

  @AfterEach
  void closeConsumer() {
    if (consumer != null) {
      consumer.close();
    }
  }

  @Test
  void publishesCreateUpdateAndDeleteInOrderKeyedByDeviceId() {
    String id = TestDevices.createOne();

    underTest.create(
        TENANT,
        new CreateDeviceRequest(
            id, "thermometer", "Kitchen", Map.of("site", "berlin"), null, Map.of(), "1.0.0"));
    underTest.update(TENANT, id, new UpdateDeviceRequest(null, null, null, null, "1.1.0"), null);
    underTest.delete(TENANT, id);

    List<ConsumerRecord<String, byte[]>> records = awaitRecords(id, 3);
    assertThat(records).extracting(ConsumerRecord::key).containsOnly(id);
    DeviceSnapshot created = snapshot(records.get(0));
    assertThat(created.tenantId()).isEqualTo(TENANT);
    assertThat(created.deviceId()).isEqualTo(id);
    assertThat(created.type()).isEqualTo("thermometer");
    assertThat(created.name()).isEqualTo("Kitchen");
    assertThat(created.labels()).isEqualTo(Map.of("site", "berlin"));
    assertThat(created.firmwareVersion()).isEqualTo("1.0.0");
    assertThat(created.status()).isEqualTo("OFFLINE");
    assertThat(created.version()).isZero();
    DeviceSnapshot updated = snapshot(records.get(1));
    assertThat(updated.firmwareVersion()).isEqualTo("1.1.0");
    assertThat(updated.version()).isEqualTo(1);
    assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
    assertThat(records.get(2).value()).as("tombstone").isNull();
    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForObject(
                            "SELECT count(*) FROM outbox WHERE record_key = ?"
                                + " AND published_at IS NOT NULL",
                            Integer.class,
                            id))
                    .isEqualTo(3));
  }

  @Test
  void aRefusedCreateWritesNoOutboxRowAndPublishesNothing() {
    String id = TestDevices.createOne();
    underTest.create(
        TENANT, new CreateDeviceRequest(id, "thermometer", "first", null, null, null, null));
    String unknownType = TestDevices.createOne();

    assertThatThrownBy(
            () ->
                underTest.create(
                    TENANT,
                    new CreateDeviceRequest(id, "thermometer", "second", null, null, null, null)))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(
            () ->
                underTest.create(
                    TENANT,
                    new CreateDeviceRequest(
                        unknownType, "no-such-type", null, null, null, null, null)))
        .isInstanceOf(ApiException.class);

    assertThat(outboxRows(id)).isEqualTo(1);
    assertThat(outboxRows(unknownType)).isZero();
    // The first create's record arrives; the refused duplicate's never was in the outbox.
    assertThat(awaitRecords(id, 1)).extracting(r -> snapshot(r).name()).containsExactly("first");
  }

  @Test
  void aChangeWhoseTransactionRollsBackLeavesNoOutboxRow() {
    String id = TestDevices.createOne();

    transactions.executeWithoutResult(
        status -> {
          underTest.create(
              TENANT, new CreateDeviceRequest(id, "thermometer", null, null, null, null, null));
          assertThat(outboxRows(id)).as("written inside the transaction").isEqualTo(1);
          status.setRollbackOnly();
        });

    assertThat(outboxRows(id)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM devices WHERE id = ?", Integer.class, id))
        .isZero();
  }

  private int outboxRows(String key) {
    Integer rows =
        jdbc.queryForObject("SELECT count(*) FROM outbox WHERE record_key = ?", Integer.class, key);
    return rows == null ? 0 : rows;
  }

  /**
   * Polls until {@code count} records keyed {@code id} arrived; other tests' records are skipped.
   */
  private List<ConsumerRecord<String, byte[]>> awaitRecords(String id, int count) {
    List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
    KafkaConsumer<String, byte[]> kafka = consumer;
    assertThat(kafka).isNotNull();
    await()
        .atMost(BOUND)
        .until(
            () -> {
              for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                if (id.equals(record.key())) {
                  received.add(record);
                }
              }
              return received.size() >= count;
            });
    assertThat(received).hasSize(count);
    return received;
  }

  private static DeviceSnapshot snapshot(ConsumerRecord<String, byte[]> record) {
    return DevicesTopic.snapshot(record.value());
  }
}
