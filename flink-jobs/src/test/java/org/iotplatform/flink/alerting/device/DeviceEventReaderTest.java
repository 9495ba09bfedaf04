package org.iotplatform.flink.alerting.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceEventReaderTest {

  private final DeviceEventReader underTest = new DeviceEventReader();

  @BeforeEach
  void open() {
    underTest.open(DefaultOpenContext.INSTANCE);
  }

  @Test
  void readsAHeartbeatsNumbersAtTheBrokersReceiveTime() {
    List<DeviceSignal> signals =
        read(record("d-1", "{\"battery\":87,\"rssi\":-70,\"firmware\":\"2.4.1\"}", null));

    assertThat(signals)
        .containsExactly(
            DeviceSignal.message(
                "d-1",
                "acme",
                1_000L,
                List.of(Metric.number("battery", 87), Metric.number("rssi", -70))));
  }

  @Test
  void countsConnectionEventsAndLastWillsAsMessagesWithoutReadings() {
    assertThat(read(record("d-1", "{\"clean\":false,\"rssi\":3}", "disconnected")))
        .containsExactly(DeviceSignal.message("d-1", "acme", 1_000L, List.of()));
    assertThat(read(record("d-1", "{\"state\":\"offline\"}", null)))
        .containsExactly(DeviceSignal.message("d-1", "acme", 1_000L, List.of()));
    assertThat(read(record("d-1", "not json", "status")))
        .containsExactly(DeviceSignal.message("d-1", "acme", 1_000L, List.of()));
  }

  @Test
  void dropsRecordsWithoutAValidDeviceOrTenant() {
    assertThat(read(record("no/such device", "{}", null))).isEmpty();
    assertThat(
            read(
                new TelemetryRecord(
                    "d-1".getBytes(StandardCharsets.UTF_8), new byte[0], List.of(), 1_000L)))
        .isEmpty();
  }

  private List<DeviceSignal> read(TelemetryRecord record) {
    List<DeviceSignal> out = new ArrayList<>();
    underTest.flatMap(record, new ListCollector<>(out));
    return out;
  }

  private static TelemetryRecord record(String device, String payload, @Nullable String type) {
    List<TelemetryRecord.Header> headers = new ArrayList<>();
    headers.add(new TelemetryRecord.Header(KafkaHeaders.TENANT_ID, KafkaHeaders.encode("acme")));
    headers.add(new TelemetryRecord.Header(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(1_000L)));
    if (type != null) {
      headers.add(new TelemetryRecord.Header(KafkaHeaders.EVENT_TYPE, KafkaHeaders.encode(type)));
    }
    return new TelemetryRecord(
        device.getBytes(StandardCharsets.UTF_8),
        payload.getBytes(StandardCharsets.UTF_8),
        headers,
        5L);
  }
}
