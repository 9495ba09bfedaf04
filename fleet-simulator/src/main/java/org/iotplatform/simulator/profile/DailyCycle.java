package org.iotplatform.simulator.profile;

import java.time.Instant;

/** The shape of a day: where an instant lies in it, in hours (UTC). */
final class DailyCycle {

  private static final double SECONDS_PER_HOUR = 3600.0;
  private static final long SECONDS_PER_DAY = 86_400;

  private DailyCycle() {}

  /** The hour of the day of {@code at}, 0 (inclusive) to 24 (exclusive), with fractions. */
  static double hourOfDay(Instant at) {
    return Math.floorMod(at.getEpochSecond(), SECONDS_PER_DAY) / SECONDS_PER_HOUR;
  }

  /** A cosine over the day: 1 at {@code peakHour}, -1 twelve hours away. */
  static double cosine(Instant at, double peakHour) {
    return Math.cos(2 * Math.PI * (hourOfDay(at) - peakHour) / 24);
  }

  /** A bell around {@code centreHour} with width {@code sigmaHours}, 1 at its centre; wraps. */
  static double bell(Instant at, double centreHour, double sigmaHours) {
    double distance = Math.abs(hourOfDay(at) - centreHour);
    distance = Math.min(distance, 24 - distance);
    return Math.exp(-(distance * distance) / (2 * sigmaHours * sigmaHours));
  }
}
