package org.iotplatform.flink.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaHeaders;

/** Telemetry records as the bridge produces them, for tests. */
public final class TelemetryRecords {

  /** When the broker received the records below, epoch milliseconds. */
  public static final long RECEIVED_AT = 1_732_280_000_000L;

  public static final String TENANT = "acme";

  private TelemetryRecords() {}

  /** A record of {@code deviceId} with the contract's headers and this JSON as value. */
  public static TelemetryRecord of(String deviceId, String json) {
    return of(deviceId, json.getBytes(StandardCharsets.UTF_8));
  }

  public static TelemetryRecord of(String deviceId, byte[] value) {
    return new TelemetryRecord(
        deviceId.getBytes(StandardCharsets.UTF_8), value, headers(deviceId), RECEIVED_AT + 5);
  }

  public static List<TelemetryRecord.Header> headers(String deviceId) {
    return List.of(
        new TelemetryRecord.Header(KafkaHeaders.TENANT_ID, KafkaHeaders.encode(TENANT)),
        new TelemetryRecord.Header(
            KafkaHeaders.MQTT_TOPIC, KafkaHeaders.encode(DeviceTopic.telemetry(deviceId).topic())),
        new TelemetryRecord.Header(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(RECEIVED_AT)));
  }
}
