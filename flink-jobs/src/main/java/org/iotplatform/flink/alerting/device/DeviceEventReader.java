package org.iotplatform.flink.alerting.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.iotplatform.contracts.DeviceEventType;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of {@code iot.device-events.v1} as a message of its device: connected,
 * disconnected and status records all show the device is alive; a status heartbeat's numeric
 * top-level fields ({@code {"battery":87,"rssi":-70}}) are readings too, timed at the broker's
 * receive time. A record without a valid device id or a tenant is dropped: the bridge never writes
 * one, and there is no device to attribute it to.
 */
public final class DeviceEventReader extends RichFlatMapFunction<TelemetryRecord, DeviceSignal> {

  private static final long serialVersionUID = 1L;

  /** More numbers than this in one heartbeat are ignored: a heartbeat is a handful of fields. */
  static final int MAX_METRICS = 100;

  private transient JsonMapper mapper;

  @Override
  public void open(OpenContext openContext) {
    mapper = JsonMapper.builder().build();
  }

  @Override
  public void flatMap(TelemetryRecord record, Collector<DeviceSignal> out) {
    String deviceId = record.deviceId();
    String tenantId = record.tenantId();
    if (deviceId == null
        || !DeviceTopic.isValidDeviceId(deviceId)
        || tenantId == null
        || tenantId.isBlank()) {
      return;
    }
    String type = record.header(KafkaHeaders.EVENT_TYPE);
    boolean status = type == null || DeviceEventType.STATUS.headerValue().equals(type);
    List<Metric> metrics = status ? numbers(record.value()) : List.of();
    out.collect(DeviceSignal.message(deviceId, tenantId, record.receivedAt(), metrics));
  }

  private List<Metric> numbers(byte @Nullable [] value) {
    if (value == null || value.length == 0) {
      return List.of();
    }
    JsonNode root;
    try {
      root = mapper.readTree(value);
    } catch (JacksonException e) {
      return List.of();
    }
    if (root == null || !root.isObject()) {
      return List.of();
    }
    List<Metric> metrics = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      JsonNode node = field.getValue();
      if (node.isNumber() && Double.isFinite(node.doubleValue()) && !field.getKey().isBlank()) {
        metrics.add(Metric.number(field.getKey(), node.doubleValue()));
        if (metrics.size() == MAX_METRICS) {
          break;
        }
      }
    }
    return metrics;
  }
}
