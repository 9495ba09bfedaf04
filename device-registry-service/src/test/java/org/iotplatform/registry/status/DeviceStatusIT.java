package org.iotplatform.registry.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.contracts.DeviceEventType;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.Tenants;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.device.CreateDeviceRequest;
import org.iotplatform.registry.device.DeviceManagement;
import org.iotplatform.registry.device.DeviceStatus;
import org.iotplatform.registry.device.UpdateDeviceRequest;
import org.iotplatform.registry.devicetype.DeviceTypeManagement;
import org.iotplatform.registry.devicetype.DeviceTypeRequest;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.TestDevices;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The status writer on a real Kafka and PostgreSQL: events on {@code iot.device-events.v1} become
 * the devices' status and last_seen, heartbeats within the resolution cost no row update. The topic
 * has one partition, so a later event of another device proves that earlier ones were read.
 */
@ExtendWith(KafkaExtension.class)
class DeviceStatusIT extends RegistryITBase {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private final DeviceManagement devices;
  private final DeviceTypeManagement types;
  private final JdbcTemplate jdbc;
  private final String device = TestDevices.createOne();
  private final String marker = TestDevices.createOne();
  private @Nullable KafkaProducer<String, byte[]> producer;

  DeviceStatusIT(
      @Autowired DeviceManagement devices,
      @Autowired DeviceTypeManagement types,
      @Autowired JdbcTemplate jdbc) {
    this.devices = devices;
    this.types = types;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void setUp(KafkaServer kafka) {
    kafka.createTopics(1, KafkaTopics.DEVICE_EVENTS);
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(config);
    types.create(Tenants.DEFAULT, new DeviceTypeRequest("meter", Map.of()));
    for (String id : List.of(device, marker)) {
      devices.create(
          Tenants.DEFAULT, new CreateDeviceRequest(id, "meter", null, null, null, null, null));
    }
  }

  @AfterEach
  void closeProducer() {
    if (producer != null) {
      producer.close();
    }
  }

  @Test
  void marksADeviceOnlineWhenItConnectsAndOfflineWhenItLeaves() {
    send(device, DeviceEventType.CONNECTED, T0, "");
    awaitRow(device, DeviceStatus.ONLINE, T0);

    send(device, DeviceEventType.DISCONNECTED, T0.plusSeconds(40), "{\"clean\":true}");
    awaitRow(device, DeviceStatus.OFFLINE, T0.plusSeconds(40));
  }

  @Test
  void takesTheLastWillOnTheStatusTopicAsOffline() {
    send(device, null, T0, "{\"battery\":80}");
    awaitRow(device, DeviceStatus.ONLINE, T0);

    send(device, null, T0.plusSeconds(90), "{\"state\":\"offline\"}");
    awaitRow(device, DeviceStatus.OFFLINE, T0.plusSeconds(90));
  }

  @Test
  void absorbsHeartbeatsWithinTheResolutionAndWritesTheNextOneAfterIt() {
    send(device, DeviceEventType.CONNECTED, T0, "");
    awaitRow(device, DeviceStatus.ONLINE, T0);

    for (int i = 1; i <= 9; i++) {
      send(device, null, T0.plusSeconds(30L * i), "{\"battery\":80}");
    }
    send(marker, DeviceEventType.CONNECTED, T0.plusSeconds(300), "");
    awaitRow(marker, DeviceStatus.ONLINE, T0.plusSeconds(300));
    assertThat(row(device)).isEqualTo(new Row(DeviceStatus.ONLINE, T0));

    send(device, null, T0.plus(Duration.ofMinutes(5)), "{\"battery\":79}");
    awaitRow(device, DeviceStatus.ONLINE, T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void ignoresAnEventOlderThanWhatIsStored() {
    send(device, DeviceEventType.CONNECTED, T0, "");
    awaitRow(device, DeviceStatus.ONLINE, T0);

    send(device, DeviceEventType.DISCONNECTED, T0.minusSeconds(60), "");
    send(marker, DeviceEventType.CONNECTED, T0, "");
    awaitRow(marker, DeviceStatus.ONLINE, T0);

    assertThat(row(device)).isEqualTo(new Row(DeviceStatus.ONLINE, T0));
  }

  @Test
  void keepsTheStatusWhenAnOperatorEditsTheDevice() {
    send(device, DeviceEventType.CONNECTED, T0, "");
    awaitRow(device, DeviceStatus.ONLINE, T0);

    devices.update(
        Tenants.DEFAULT, device, new UpdateDeviceRequest("Renamed", null, null, null, null), null);

    assertThat(row(device)).isEqualTo(new Row(DeviceStatus.ONLINE, T0));
    assertThat(devices.get(Tenants.DEFAULT, device).status()).isEqualTo(DeviceStatus.ONLINE);
  }

  @Test
  void goesOnAfterEventsOfUnknownDevicesAndUnreadableRecords() {
    send("no-such-device", DeviceEventType.CONNECTED, T0, "");
    producer().send(new ProducerRecord<>(KafkaTopics.DEVICE_EVENTS, null, new byte[] {1, 2}));
    send(device, DeviceEventType.CONNECTED, T0, "");

    awaitRow(device, DeviceStatus.ONLINE, T0);
  }

  private void send(String id, @Nullable DeviceEventType type, Instant at, String payload) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            KafkaTopics.DEVICE_EVENTS, id, payload.getBytes(StandardCharsets.UTF_8));
    record.headers().add(KafkaHeaders.TENANT_ID, KafkaHeaders.encode(Tenants.DEFAULT));
    record.headers().add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(at.toEpochMilli()));
    if (type != null) {
      record.headers().add(KafkaHeaders.EVENT_TYPE, KafkaHeaders.encode(type.headerValue()));
    }
    producer().send(record);
    producer().flush();
  }

  private KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      throw new IllegalStateException("no producer");
    }
    return producer;
  }

  private void awaitRow(String id, DeviceStatus status, Instant lastSeen) {
    await().atMost(Duration.ofSeconds(30)).until(() -> row(id).equals(new Row(status, lastSeen)));
  }

  private record Row(DeviceStatus status, @Nullable Instant lastSeen) {}

  private Row row(String id) {
    return jdbc.queryForObject(
        "SELECT status, last_seen FROM devices WHERE id = ?",
        (rs, i) -> {
          Timestamp seen = rs.getTimestamp("last_seen");
          return new Row(
              DeviceStatus.valueOf(rs.getString("status")), seen == null ? null : seen.toInstant());
        },
        id);
  }
}
