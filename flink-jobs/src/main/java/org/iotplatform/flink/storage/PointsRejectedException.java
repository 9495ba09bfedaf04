package org.iotplatform.flink.storage;

/**
 * InfluxDB refused points of a write for their content (a field type conflict, a point outside the
 * retention policy, a line it cannot parse) and stored the rest: a "partial write".
 */
final class PointsRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int dropped;

  /**
   * @param message InfluxDB's error message
   * @param dropped how many points were dropped, or -1 if InfluxDB did not say
   */
  PointsRejectedException(String message, int dropped) {
    super(message);
    this.dropped = dropped;
  }

  /** How many points were dropped, or -1 if InfluxDB did not say. */
  int dropped() {
    return dropped;
  }
}
