package org.iotplatform.alerts.alert;

import java.time.Duration;
import java.util.Map;

/**
 * The counts behind the alerts-by-state gauges. One query serves the gauges of all states, and its
 * result is reused for a few seconds, since a scrape reads every gauge at once.
 */
class AlertStateGauges {

  private static final Duration REUSE = Duration.ofSeconds(5);

  private final AlertRepository alerts;
  private Map<AlertState, Long> counts = Map.of();
  private long countedAtNanos;

  AlertStateGauges(AlertRepository alerts) {
    this.alerts = alerts;
  }

  synchronized double count(AlertState state) {
    if (counts.isEmpty() || System.nanoTime() - countedAtNanos > REUSE.toNanos()) {
      try {
        counts = alerts.countByState();
        countedAtNanos = System.nanoTime();
      } catch (RuntimeException e) {
        counts = Map.of();
        return Double.NaN;
      }
    }
    return counts.getOrDefault(state, 0L);
  }
}
