package org.iotplatform.flink.alerting.evaluation;

/** Durations for people in reasons: {@code 5m}, {@code 30s}, {@code 1h}, {@code 1500ms}. */
final class Durations {

  private Durations() {}

  static String describe(long millis) {
    if (millis > 0 && millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis > 0 && millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis > 0 && millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}
