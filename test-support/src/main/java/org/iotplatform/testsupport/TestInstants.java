package org.iotplatform.testsupport;

import java.time.Duration;
import java.time.Instant;

/**
 * Named instants, so that tests read as a timeline. {@link #T0} is at a whole hour, so minute and
 * hour rollup windows start there.
 */
public final class TestInstants {

  /** 2024-11-22T13:00:00Z. */
  public static final Instant T0 = Instant.parse("2024-11-22T13:00:00Z");

  public static final Instant ONE_SECOND_LATER = T0.plus(Duration.ofSeconds(1));
  public static final Instant ONE_MINUTE_LATER = T0.plus(Duration.ofMinutes(1));
  public static final Instant TWO_MINUTES_LATER = T0.plus(Duration.ofMinutes(2));
  public static final Instant ONE_HOUR_LATER = T0.plus(Duration.ofHours(1));
  public static final Instant ONE_DAY_LATER = T0.plus(Duration.ofDays(1));

  private TestInstants() {}
}
