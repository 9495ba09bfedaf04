package org.iotplatform.flink.telemetry;

import org.jspecify.annotations.Nullable;

/**
 * One metric of a telemetry message: a name and exactly one of a finite number, a boolean or a
 * short string. Three nullable components rather than an {@code Object} so that Flink serializes it
 * as a POJO, not with Kryo.
 *
 * @param name the metric name, as the device sent it
 * @param numberValue the value if it is a number (always finite)
 * @param booleanValue the value if it is a boolean
 * @param stringValue the value if it is a string
 */
public record Metric(
    String name,
    @Nullable Double numberValue,
    @Nullable Boolean booleanValue,
    @Nullable String stringValue) {

  public Metric {
    int present =
        (numberValue != null ? 1 : 0)
            + (booleanValue != null ? 1 : 0)
            + (stringValue != null ? 1 : 0);
    if (present != 1) {
      throw new IllegalArgumentException("metric " + name + " must have exactly one value");
    }
    if (numberValue != null && !Double.isFinite(numberValue)) {
      throw new IllegalArgumentException("metric " + name + " is not finite: " + numberValue);
    }
  }

  public static Metric number(String name, double value) {
    return new Metric(name, value, null, null);
  }

  public static Metric bool(String name, boolean value) {
    return new Metric(name, null, value, null);
  }

  public static Metric string(String name, String value) {
    return new Metric(name, null, null, value);
  }
}
