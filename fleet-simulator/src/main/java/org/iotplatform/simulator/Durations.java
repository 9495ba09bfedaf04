package org.iotplatform.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 500ms}, {@code 10s}, {@code 10m}, {@code 1h}, ISO-8601. */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

  private Durations() {}

  /**
   * Parses a duration: a whole number with a unit ({@code ms}, {@code s}, {@code m}, {@code h},
   * {@code d}; none: seconds), or ISO-8601 ({@code PT1M30S}).
   *
   * @throws IllegalArgumentException with a message saying what is accepted
   */
  public static Duration parse(String text) {
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    Matcher shortForm = SHORT.matcher(trimmed);
    if (shortForm.matches()) {
      long amount;
      try {
        amount = Long.parseLong(shortForm.group(1));
      } catch (NumberFormatException e) {
        throw invalid(text);
      }
      String unit = shortForm.group(2) == null ? "s" : shortForm.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      Duration parsed = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      if (parsed.isNegative()) {
        throw invalid(text);
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw invalid(text);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration: use e.g. 500ms, 10s, 10m, 1h, 2d or ISO-8601 (PT10M)");
  }
}
