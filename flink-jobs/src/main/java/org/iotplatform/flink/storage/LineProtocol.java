package org.iotplatform.flink.storage;

import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.rollup.Rollup;
import org.iotplatform.flink.rollup.RollupKey;
import org.iotplatform.flink.telemetry.Metric;
import org.jspecify.annotations.Nullable;

/**
 * Renders telemetry as an InfluxDB line-protocol point in {@link InfluxSchema}'s layout, with the
 * timestamp in milliseconds (write with {@code precision=ms}).
 *
 * <p>Tags are {@code device_id}, {@code device_type} and {@code tenant_id}; labels are not tags
 * (ADR 0012): a tag is part of a series' identity, so a label change would split a device's history
 * into two series, and a replay after the change would write the point twice.
 *
 * <p>Numbers are always float fields, even when the device sent an integer, so a metric that is
 * {@code 60} once and {@code 60.5} the next time does not conflict with itself.
 */
final class LineProtocol {

  private static final String MEASUREMENT = escape(InfluxSchema.TELEMETRY_MEASUREMENT, ", ");
  private static final String ROLLUP_MEASUREMENT = escape(InfluxSchema.ROLLUP_MEASUREMENT, ", ");

  private LineProtocol() {}

  /** One line, without the trailing newline. */
  static String point(EnrichedTelemetry telemetry) {
    StringBuilder line = new StringBuilder(64 + 24 * telemetry.metrics().size());
    // Tags in key order, as InfluxDB prefers: device_id < device_type < tenant_id.
    line.append(MEASUREMENT)
        .append(',')
        .append(InfluxSchema.TAG_DEVICE_ID)
        .append('=')
        .append(escapeTag(telemetry.deviceId()))
        .append(',')
        .append(InfluxSchema.TAG_DEVICE_TYPE)
        .append('=')
        .append(escapeTag(telemetry.deviceType()))
        .append(',')
        .append(InfluxSchema.TAG_TENANT_ID)
        .append('=')
        .append(escapeTag(telemetry.tenantId()))
        .append(' ');
    boolean first = true;
    for (Metric metric : telemetry.metrics()) {
      if (!first) {
        line.append(',');
      }
      first = false;
      line.append(escapeTag(metric.name())).append('=');
      appendValue(line, metric);
    }
    return line.append(' ').append(telemetry.timestamp()).toString();
  }

  /** One rollup point at the window's start, without the trailing newline. */
  static String rollup(Rollup rollup) {
    RollupKey series = rollup.series();
    // Tags in key order: device_id < device_type < metric < tenant_id.
    return ROLLUP_MEASUREMENT
        + ','
        + InfluxSchema.TAG_DEVICE_ID
        + '='
        + escapeTag(series.deviceId())
        + ','
        + InfluxSchema.TAG_DEVICE_TYPE
        + '='
        + escapeTag(series.deviceType())
        + ','
        + InfluxSchema.TAG_METRIC
        + '='
        + escapeTag(series.metric())
        + ','
        + InfluxSchema.TAG_TENANT_ID
        + '='
        + escapeTag(series.tenantId())
        + ' '
        + InfluxSchema.FIELD_MIN
        + '='
        + rollup.min()
        + ','
        + InfluxSchema.FIELD_MAX
        + '='
        + rollup.max()
        + ','
        + InfluxSchema.FIELD_MEAN
        + '='
        + rollup.mean()
        + ','
        + InfluxSchema.FIELD_COUNT
        + '='
        + rollup.count()
        + "i "
        + rollup.windowStart();
  }

  private static void appendValue(StringBuilder line, Metric metric) {
    Double number = metric.numberValue();
    Boolean bool = metric.booleanValue();
    String string = metric.stringValue();
    if (number != null) {
      line.append(number.doubleValue());
    } else if (bool != null) {
      line.append(bool.booleanValue());
    } else if (string != null) {
      line.append('"').append(escapeString(string)).append('"');
    }
  }

  /** Escapes a tag key, tag value or field key: commas, equals signs and spaces. */
  static String escapeTag(String value) {
    return escape(value, ",= ");
  }

  /** A string field value between the quotes: double quotes and backslashes. */
  static String escapeString(String value) {
    return escape(value, "\"\\");
  }

  private static String escape(String value, String special) {
    @Nullable StringBuilder escaped = null; // allocated on the first special character only
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (special.indexOf(c) >= 0) {
        if (escaped == null) {
          escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
        }
        escaped.append('\\');
      }
      if (escaped != null) {
        escaped.append(c);
      }
    }
    return escaped == null ? value : escaped.toString();
  }
}
