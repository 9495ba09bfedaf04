package org.iotplatform.registry.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.iotplatform.contracts.DeviceEventType;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.registry.device.DeviceStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DeviceEventReaderTest {

  private static final long RECEIVED = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
  private static final long RECORD_TIME = RECEIVED + 5;

  @Test
  void readsAHeartbeatAsOnlineAtTheBrokersTime() {
    assertThat(read("d-1", null, "{\"battery\":87}", true))
        .contains(new StatusUpdate("d-1", Instant.ofEpochMilli(RECEIVED), DeviceStatus.ONLINE));
  }

  @Test
  void readsTheLastWillAsOffline() {
    assertThat(read("d-1", DeviceEventType.STATUS, "{\"state\":\"offline\"}", true))
        .map(StatusUpdate::status)
        .contains(DeviceStatus.OFFLINE);
  }

  @Test
  void readsConnectAndDisconnectEvents() {
    assertThat(read("d-1", DeviceEventType.CONNECTED, "", true))
        .map(StatusUpdate::status)
        .contains(DeviceStatus.ONLINE);
    assertThat(read("d-1", DeviceEventType.DISCONNECTED, "{\"clean\":false}", true))
        .map(StatusUpdate::status)
        .contains(DeviceStatus.OFFLINE);
  }

  @Test
  void takesUnreadableStatusPayloadsAsSignsOfLife() {
    assertThat(read("d-1", null, "not json", true))
        .map(StatusUpdate::status)
        .contains(DeviceStatus.ONLINE);
  }

  @Test
  void fallsBackToTheRecordTimestampWithoutTheHeader() {
    assertThat(read("d-1", null, "{}", false))
        .map(StatusUpdate::at)
        .contains(Instant.ofEpochMilli(RECORD_TIME));
  }

  @Test
  void skipsRecordsItCannotAttributeToADevice() {
    assertThat(read(null, null, "{}", true)).isEmpty();
    assertThat(read("not/a/device", null, "{}", true)).isEmpty();
    ConsumerRecord<String, byte @Nullable []> unknownType = record("d-1", "{}", true);
    unknownType.headers().add(KafkaHeaders.EVENT_TYPE, KafkaHeaders.encode("rebooted"));
    assertThat(DeviceEventReader.read(unknownType)).isEmpty();
  }

  private static Optional<StatusUpdate> read(
      @Nullable String key, @Nullable DeviceEventType type, String payload, boolean receivedAt) {
    ConsumerRecord<String, byte @Nullable []> record = record(key, payload, receivedAt);
    if (type != null) {
      record.headers().add(KafkaHeaders.EVENT_TYPE, KafkaHeaders.encode(type.headerValue()));
    }
    return DeviceEventReader.read(record);
  }

  private static ConsumerRecord<String, byte @Nullable []> record(
      @Nullable String key, String payload, boolean receivedAt) {
    RecordHeaders headers = new RecordHeaders();
    if (receivedAt) {
      headers.add(new RecordHeader(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(RECEIVED)));
    }
    return new ConsumerRecord<>(
        KafkaTopics.DEVICE_EVENTS,
        0,
        0L,
        RECORD_TIME,
        TimestampType.CREATE_TIME,
        0,
        0,
        key,
        payload.getBytes(StandardCharsets.UTF_8),
        headers,
        Optional.empty());
  }
}
