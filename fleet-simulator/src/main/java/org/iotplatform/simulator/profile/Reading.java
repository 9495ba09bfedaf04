package org.iotplatform.simulator.profile;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotplatform.sdk.TelemetryMessage;

/**
 * One set of readings of a simulated device.
 *
 * @param metrics metric name to value (a {@link Double} or a {@link Boolean}), in a stable order
 * @param spike whether one of the values is a deliberate out-of-range spike
 */
public record Reading(Map<String, Object> metrics, boolean spike) {

  public Reading {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** A number metric, for tests and assertions. */
  public double number(String metric) {
    return ((Number) metrics.get(metric)).doubleValue();
  }

  /** The telemetry message of this reading, taken at {@code at} with sequence {@code sequence}. */
  public TelemetryMessage toMessage(Instant at, long sequence) {
    TelemetryMessage.Builder message = TelemetryMessage.builder().timestamp(at).sequence(sequence);
    metrics.forEach(
        (name, value) -> {
          if (value instanceof Boolean flag) {
            message.metric(name, flag.booleanValue());
          } else {
            message.metric(name, ((Number) value).doubleValue());
          }
        });
    return message.build();
  }
}
