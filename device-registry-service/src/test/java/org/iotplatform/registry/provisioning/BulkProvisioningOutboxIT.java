package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iotplatform.registry.provisioning.BulkRequests.NDJSON;
import static org.iotplatform.registry.provisioning.BulkRequests.importBody;

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
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.TestDevices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Every device a bulk import creates or changes gets its {@code iot.devices.v1} record through the
 * outbox, and an unchanged one none; on the real PostgreSQL and Kafka.
 */
@ExtendWith(KafkaExtension.class)
class BulkProvisioningOutboxIT extends RegistryITBase {

  private final RestTestClient underTest;
  private final JdbcTemplate jdbc;

  BulkProvisioningOutboxIT(@Autowired RestTestClient underTest, @Autowired JdbcTemplate jdbc) {
    this.underTest = underTest;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void createDeviceType() {
    BulkRequests.createType(underTest, "meter");
  }

  @Test
  void recordsASnapshotForEachCreatedAndUpdatedDeviceAndNoneForAnUnchangedOne() {
    List<String> ids = TestDevices.create(2);
    String first = ids.get(0);
    String second = ids.get(1);
    importBody(
        underTest,
        NDJSON,
        line(
                first,
                "\"name\": \"Hall\", \"labels\": {\"site\": \"berlin\"}, \"firmwareVersion\": \"1.0\"")
            + line(second, "\"name\": \"Cellar\""));

    BulkReport report =
        importBody(
            underTest,
            NDJSON,
            line(first, "\"firmwareVersion\": \"1.1\"") + line(second, "\"name\": \"Cellar\""));

    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(1);
    List<DeviceSnapshot> firstRecords = outboxSnapshots(first);
    assertThat(firstRecords).hasSize(2);
    DeviceSnapshot created = firstRecords.get(0);
    assertThat(created.tenantId()).isEqualTo(Tenants.DEFAULT);
    assertThat(created.deviceId()).isEqualTo(first);
    assertThat(created.type()).isEqualTo("meter");
    assertThat(created.name()).isEqualTo("Hall");
    assertThat(created.labels()).isEqualTo(Map.of("site", "berlin"));
    assertThat(created.firmwareVersion()).isEqualTo("1.0");
    assertThat(created.status()).isEqualTo("OFFLINE");
    assertThat(created.version()).isZero();
    DeviceSnapshot updated = firstRecords.get(1);
    assertThat(updated.firmwareVersion()).isEqualTo("1.1");
    assertThat(updated.name()).as("kept from the first line").isEqualTo("Hall");
    assertThat(updated.labels()).isEqualTo(Map.of("site", "berlin"));
    assertThat(updated.version()).isEqualTo(1);
    assertThat(outboxSnapshots(second)).extracting(DeviceSnapshot::version).containsExactly(0L);
  }

  @Test
  void theRecordsOfImportedDevicesReachTheDevicesTopic(KafkaServer kafka) {
    String id = TestDevices.createOne();

    importBody(underTest, NDJSON, line(id, "\"name\": \"Hall\""));

    List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = DevicesTopic.consumer(kafka, true)) {
      consumer.subscribe(List.of(KafkaTopics.DEVICES));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (id.equals(record.key())) {
                    received.add(record);
                  }
                }
                return !received.isEmpty();
              });
    }
    assertThat(received).hasSize(1);
    assertThat(snapshot(received.get(0).value()).name()).isEqualTo("Hall");
  }

  private static String line(String id, String fields) {
    return "{\"id\": \"" + id + "\", \"type\": \"meter\", " + fields + "}\n";
  }

  private List<DeviceSnapshot> outboxSnapshots(String id) {
    return jdbc.query(
        "SELECT payload FROM outbox WHERE record_key = ? AND topic = ? ORDER BY id",
        (rs, i) -> snapshot(rs.getBytes("payload")),
        id,
        KafkaTopics.DEVICES);
  }

  private static DeviceSnapshot snapshot(byte[] payload) {
    return DevicesTopic.snapshot(payload);
  }
}
