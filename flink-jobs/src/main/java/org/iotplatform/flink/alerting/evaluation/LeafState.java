package org.iotplatform.flink.alerting.evaluation;

import org.iotplatform.flink.alerting.AlertState;

/**
 * The state of one leaf (threshold or rate) of a rule for one device: a Flink POJO. {@code
 * threshold.active} means the leaf holds (its streak fired and has not cleared).
 */
public final class LeafState {

  /** The leaf's threshold state machine, run without cooldown (the rule applies cooldown). */
  public AlertState threshold = new AlertState();

  /**
   * For a rate: the event time of the previous reading of the metric, or {@link AlertState#NONE}.
   */
  public long previousAt = AlertState.NONE;

  /** For a rate: the previous reading's value. */
  public double previousValue;

  public LeafState() {}
}
