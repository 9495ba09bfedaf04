package org.iotplatform.contracts;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON a device publishes on {@code devices/{id}/telemetry}, as UTF-8:
 *
 * <pre>{"ts":1732280000123,"seq":42,"metrics":{"temperature":23.4,"humidity":60}}</pre>
 *
 * @param ts when the reading was taken, epoch milliseconds; absent means the broker's receive time
 *     ({@link KafkaHeaders#RECEIVED_AT}) is used
 * @param seq the device's sequence number, if it counts its messages
 * @param metrics metric name to value: a finite number, a boolean or a short string
 */
public record TelemetryPayload(@Nullable Long ts, @Nullable Long seq, Map<String, Object> metrics) {

  /** Longest string value a metric may carry, in characters. */
  public static final int MAX_STRING_METRIC_LENGTH = 256;

  /**
   * Most metrics one message may carry. Each is a field of one InfluxDB point; a device with more
   * to say sends several messages.
   */
  public static final int MAX_METRICS = 1000;

  public TelemetryPayload {
    metrics = Map.copyOf(metrics);
  }
}
