package org.iotplatform.sdk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotplatform.contracts.TelemetryPayload;
import org.jspecify.annotations.Nullable;

/**
 * One telemetry message as a device publishes it on {@code devices/{id}/telemetry}, encoded as the
 * platform's JSON contract ({@link TelemetryPayload}).
 *
 * <p>Instances are immutable and thread-safe. Build them with {@link #builder()}.
 */
public final class TelemetryMessage {

  private final @Nullable Instant timestamp;
  private final @Nullable Long sequence;
  private final Map<String, Object> metrics;

  private TelemetryMessage(Builder builder) {
    this.timestamp = builder.timestamp;
    this.sequence = builder.sequence;
    // Keeps the order metrics were added in, so payloads are stable.
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(builder.metrics));
  }

  /** A builder for a message; at least one metric is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** When the readings were taken; absent means the broker's receive time is used. */
  public @Nullable Instant timestamp() {
    return timestamp;
  }

  /** The device's sequence number of this message, if it counts them. */
  public @Nullable Long sequence() {
    return sequence;
  }

  /** Metric name to value (a finite number, a boolean or a short string). */
  public Map<String, Object> metrics() {
    return metrics;
  }

  /**
   * This message with {@code now} as its timestamp and {@code nextSequence} as its sequence number
   * where it has none (the device client stamps messages when they are published, so a reading
   * buffered offline keeps the time it was taken).
   */
  public TelemetryMessage stamped(Instant now, long nextSequence) {
    if (timestamp != null && sequence != null) {
      return this;
    }
    Builder builder = new Builder();
    builder.timestamp = timestamp != null ? timestamp : now;
    builder.sequence = sequence != null ? sequence : nextSequence;
    builder.metrics.putAll(metrics);
    return new TelemetryMessage(builder);
  }

  /** The UTF-8 JSON payload, e.g. {@code {"ts":1732280000123,"seq":42,"metrics":{"t":23.4}}}. */
  public byte[] toPayload() {
    return toJson().getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON payload as a string. */
  public String toJson() {
    StringBuilder json = new StringBuilder(64 + metrics.size() * 24).append('{');
    if (timestamp != null) {
      json.append("\"ts\":").append(timestamp.toEpochMilli()).append(',');
    }
    if (sequence != null) {
      json.append("\"seq\":").append(sequence).append(',');
    }
    json.append("\"metrics\":{");
    boolean first = true;
    for (Map.Entry<String, Object> metric : metrics.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      JsonStrings.append(json, metric.getKey());
      json.append(':');
      Object value = metric.getValue();
      if (value instanceof String text) {
        JsonStrings.append(json, text);
      } else {
        json.append(value);
      }
    }
    return json.append("}}").toString();
  }

  /** Builds a {@link TelemetryMessage}. Not thread-safe. */
  public static final class Builder {

    private @Nullable Instant timestamp;
    private @Nullable Long sequence;
    private final Map<String, Object> metrics = new LinkedHashMap<>();

    private Builder() {}

    /** When the readings were taken. */
    public Builder timestamp(Instant timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** The device's sequence number of this message. */
    public Builder sequence(long sequence) {
      this.sequence = sequence;
      return this;
    }

    /**
     * Adds a numeric metric.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite, which the platform rejects
     */
    public Builder metric(String name, double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("metric " + name + " is not a finite number: " + value);
      }
      metrics.put(checkName(name), value);
      return this;
    }

    /** Adds a numeric metric. */
    public Builder metric(String name, long value) {
      metrics.put(checkName(name), value);
      return this;
    }

    /** Adds a boolean metric. */
    public Builder metric(String name, boolean value) {
      metrics.put(checkName(name), value);
      return this;
    }

    /**
     * Adds a short string metric.
     *
     * @throws IllegalArgumentException if longer than {@link
     *     TelemetryPayload#MAX_STRING_METRIC_LENGTH} characters
     */
    public Builder metric(String name, String value) {
      if (value.length() > TelemetryPayload.MAX_STRING_METRIC_LENGTH) {
        throw new IllegalArgumentException(
            "metric "
                + name
                + " is longer than "
                + TelemetryPayload.MAX_STRING_METRIC_LENGTH
                + " characters");
      }
      metrics.put(checkName(name), value);
      return this;
    }

    /**
     * The message.
     *
     * @throws IllegalStateException if no metric was added
     */
    public TelemetryMessage build() {
      if (metrics.isEmpty()) {
        throw new IllegalStateException("a telemetry message needs at least one metric");
      }
      return new TelemetryMessage(this);
    }

    private static String checkName(String name) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("metric name is empty");
      }
      return name;
    }
  }
}
