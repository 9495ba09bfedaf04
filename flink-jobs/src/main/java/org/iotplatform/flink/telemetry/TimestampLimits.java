package org.iotplatform.flink.telemetry;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How far a reading's own {@code ts} may lie from when the broker received it ({@link
 * TelemetryRecord#receivedAt()}). The broker's time is the reference, not the job's clock, so that
 * a record is judged the same however late it is processed or replayed.
 *
 * @param maxAhead how far ahead {@code ts} may be, or null for no limit
 * @param maxAge how far behind {@code ts} may be, or null for no limit
 */
public record TimestampLimits(@Nullable Duration maxAhead, @Nullable Duration maxAge)
    implements Serializable {

  /** The limit for clocks running ahead. */
  public static final Duration DEFAULT_MAX_AHEAD = Duration.ofMinutes(5);

  private static final Pattern INFLUX_DURATION_PART =
      Pattern.compile("(\\d+)(ns|us|u|µ|ms|s|m|h|d|w)");

  /** No limits: any timestamp InfluxDB can store passes. */
  public static TimestampLimits none() {
    return new TimestampLimits(null, null);
  }

  /**
   * At most {@link #DEFAULT_MAX_AHEAD} ahead and no older than the raw retention policy keeps
   * points, since InfluxDB would drop such a point without a trace in the dead-letter topic.
   *
   * @param rawRetention the raw policy's duration as InfluxDB writes it ({@code 30d}, {@code
   *     720h0m0s}; {@code INF} or {@code 0s} for forever)
   */
  public static TimestampLimits forRawRetention(String rawRetention) {
    return new TimestampLimits(DEFAULT_MAX_AHEAD, influxDuration(rawRetention));
  }

  /**
   * An InfluxDB duration literal as a {@link Duration}; null for forever ({@code INF}, {@code 0s}).
   */
  static @Nullable Duration influxDuration(String literal) {
    String text = literal.trim().toLowerCase(Locale.ROOT);
    if (text.equals("inf")) {
      return null;
    }
    Matcher part = INFLUX_DURATION_PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.lookingAt()) {
      total = total.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
      end = part.end();
      part.region(end, text.length());
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException("not an InfluxDB duration: " + literal);
    }
    return total.isZero() ? null : total;
  }

  private static Duration unit(String unit) {
    return switch (unit) {
      case "ns" -> Duration.ofNanos(1);
      case "us", "u", "µ" -> Duration.ofNanos(1_000);
      case "ms" -> Duration.ofMillis(1);
      case "s" -> Duration.ofSeconds(1);
      case "m" -> Duration.ofMinutes(1);
      case "h" -> Duration.ofHours(1);
      case "d" -> Duration.ofDays(1);
      default -> Duration.ofDays(7); // "w", the only unit the pattern leaves
    };
  }
}
