package org.iotplatform.flink.alerting;

/**
 * An alert's change of state, caused by one reading.
 *
 * @param kind fired or resolved
 * @param at the reading's event time, epoch milliseconds
 * @param value the reading's value
 */
public record AlertTransition(Kind kind, long at, double value) {

  public enum Kind {
    FIRED,
    RESOLVED
  }
}
