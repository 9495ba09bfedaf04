package org.iotplatform.query.influx;

import java.time.Instant;

/**
 * Quoting for InfluxQL statements. Callers validate identifiers and values first; quoting here is
 * the second line of defence against injection, so it escapes everything InfluxQL's scanner treats
 * specially inside quotes.
 */
public final class InfluxQl {

  /** Earliest instant InfluxDB can store (its minimum nanosecond timestamp). */
  public static final Instant MIN_TIME = Instant.EPOCH.plusNanos(Long.MIN_VALUE + 2);

  /** Latest instant InfluxDB can store (its maximum nanosecond timestamp). */
  public static final Instant MAX_TIME = Instant.EPOCH.plusNanos(Long.MAX_VALUE - 1);

  private InfluxQl() {}

  /** A double-quoted identifier: database, retention policy, measurement, field or tag key. */
  public static String identifier(String name) {
    return quote(name, '"');
  }

  /** A single-quoted string literal, such as a tag value. */
  public static String string(String value) {
    return quote(value, '\'');
  }

  /** An RFC 3339 time literal with nanosecond precision, for comparisons with {@code time}. */
  public static String time(Instant instant) {
    if (instant.isBefore(MIN_TIME) || instant.isAfter(MAX_TIME)) {
      throw new IllegalArgumentException("outside InfluxDB's time range: " + instant);
    }
    return string(instant.toString());
  }

  /** {@code "database"."retentionPolicy"."measurement"}. */
  public static String qualifiedMeasurement(
      String database, String retentionPolicy, String measurement) {
    return identifier(database) + "." + identifier(retentionPolicy) + "." + identifier(measurement);
  }

  private static String quote(String text, char quote) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        default -> {
          if (c == quote) {
            quoted.append('\\');
          }
          quoted.append(c);
        }
      }
    }
    return quoted.append(quote).toString();
  }
}
