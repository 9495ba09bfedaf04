package org.iotplatform.simulator.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The result of a simulation run, as benchmarks read it: one line {@code SIMULATOR SUMMARY
 * devices=... connected=...} of {@code key=value} pairs in a fixed order, or the same as JSON.
 *
 * @param devices simulated devices
 * @param connected devices connected at the end
 * @param sent telemetry messages handed to the clients
 * @param acked messages the platform acknowledged (QoS 1) or that were written (QoS 0)
 * @param errors publishes and connects that failed for another reason than an overflowing or closed
 *     offline buffer
 * @param dropped messages lost in the device: offline buffer full, or buffered at an outage
 * @param seconds how long the run took, from the start of the ramp
 * @param msgPerSecond acknowledged messages per second over the run
 * @param p50Millis median publish-to-acknowledgement latency
 * @param p99Millis 99th percentile of that latency
 * @param maxMillis its maximum
 * @param heapMb used heap after a GC with the devices connected
 * @param heapPerDeviceKb what one device added to the heap (see {@link HeapMeter}); -1 if unknown
 */
public record Summary(
    int devices,
    int connected,
    long sent,
    long acked,
    long errors,
    long dropped,
    double seconds,
    double msgPerSecond,
    double p50Millis,
    double p99Millis,
    double maxMillis,
    double heapMb,
    double heapPerDeviceKb) {

  /** What the line starts with. */
  public static final String PREFIX = "SIMULATOR SUMMARY ";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The keys and values, in the order of the line; decimals as fixed-point numbers. */
  public Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("devices", devices);
    fields.put("connected", connected);
    fields.put("sent", sent);
    fields.put("acked", acked);
    fields.put("errors", errors);
    fields.put("dropped", dropped);
    fields.put("seconds", decimal(seconds, 1));
    fields.put("msg_per_s", decimal(msgPerSecond, 1));
    fields.put("p50_ms", decimal(p50Millis, 3));
    fields.put("p99_ms", decimal(p99Millis, 3));
    fields.put("max_ms", decimal(maxMillis, 3));
    fields.put("heap_mb", decimal(heapMb, 1));
    fields.put("heap_per_device_kb", decimal(heapPerDeviceKb, 2));
    return fields;
  }

  /** {@code SIMULATOR SUMMARY devices=10000 connected=10000 ... heap_per_device_kb=12.34}. */
  public String toLine() {
    return PREFIX
        + fields().entrySet().stream()
            .map(field -> field.getKey() + "=" + plain(field.getValue()))
            .collect(Collectors.joining(" "));
  }

  /** The same fields as a JSON object. */
  public String toJson() {
    return JSON.writeValueAsString(fields());
  }

  private static BigDecimal decimal(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
  }

  private static String plain(Object value) {
    return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
  }
}
