package org.iotplatform.query.telemetry;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.query.QueryApiProperties;
import org.iotplatform.query.influx.InfluxQl;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns request parameters into a {@link TelemetryQuery}, or fails with a catalogue error saying
 * which parameter is wrong. Identifiers are restricted here so that no request can change the shape
 * of an InfluxQL statement.
 */
@Component
class TelemetryQueryParser {

  /** What a metric (an InfluxDB field key) may look like. */
  static final Pattern METRIC = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  // Selecting these would not read a field: InfluxQL rejects them or reads a tag instead.
  private static final Set<String> RESERVED_METRICS =
      Set.of(
          "time",
          InfluxSchema.TAG_DEVICE_ID,
          InfluxSchema.TAG_TENANT_ID,
          InfluxSchema.TAG_DEVICE_TYPE);

  private static final int MAX_ECHOED_CHARS = 80;

  private final QueryApiProperties.Telemetry limits;

  TelemetryQueryParser(QueryApiProperties properties) {
    this.limits = properties.telemetry();
  }

  /**
   * @param tenant the caller's tenant, from its validated token
   */
  TelemetryQuery parse(
      String tenant,
      String deviceId,
      String metric,
      String from,
      String to,
      @Nullable Integer limit) {
    if (!DeviceTopic.isValidDeviceId(deviceId)) {
      throw new ApiException(
          TelemetryError.INVALID_DEVICE_ID, "Device id " + echo(deviceId) + " is invalid.");
    }
    if (!METRIC.matcher(metric).matches()
        || RESERVED_METRICS.contains(metric.toLowerCase(Locale.ROOT))) {
      throw new ApiException(
          TelemetryError.INVALID_METRIC, "Metric " + echo(metric) + " is invalid.");
    }
    Instant fromInstant = instant("from", from);
    Instant toInstant = instant("to", to);
    if (fromInstant.isAfter(toInstant)) {
      throw new ApiException(
          TelemetryError.INVALID_RANGE, "'from' (" + from + ") is after 'to' (" + to + ").");
    }
    if (Duration.between(fromInstant, toInstant).compareTo(limits.maxRange()) > 0) {
      throw new ApiException(
          TelemetryError.RANGE_TOO_WIDE,
          "The range spans more than the maximum of " + limits.maxRange() + ".");
    }
    return new TelemetryQuery(tenant, deviceId, metric, fromInstant, toInstant, limit(limit));
  }

  private static Instant instant(String name, String text) {
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeException e) {
      throw new ApiException(
          TelemetryError.INVALID_INSTANT,
          "'" + name + "' (" + echo(text) + ") is not an ISO-8601 instant.");
    }
    if (instant.isBefore(InfluxQl.MIN_TIME) || instant.isAfter(InfluxQl.MAX_TIME)) {
      throw new ApiException(
          TelemetryError.INVALID_INSTANT,
          "'" + name + "' (" + text + ") is outside the time range the store can hold.");
    }
    return instant;
  }

  private int limit(@Nullable Integer limit) {
    if (limit == null) {
      return limits.defaultLimit();
    }
    if (limit < 1 || limit > limits.maxLimit()) {
      throw new ApiException(
          TelemetryError.INVALID_LIMIT,
          "Limit " + limit + " is not between 1 and " + limits.maxLimit() + ".");
    }
    return limit;
  }

  private static String echo(String input) {
    String shown =
        input.length() > MAX_ECHOED_CHARS ? input.substring(0, MAX_ECHOED_CHARS) + "..." : input;
    return "'" + shown + "'";
  }
}
