package org.iotplatform.flink.alerting;

/**
 * How a threshold condition compares a reading: with one bound ({@code >}, {@code >=}, {@code <},
 * {@code <=}, {@code ==}, {@code !=}) or two ({@code between} and {@code outside}, both bounds
 * included in between).
 */
public enum ThresholdOperator {
  GT,
  GE,
  LT,
  LE,
  EQ,
  NE,
  BETWEEN,
  OUTSIDE;

  /** Whether the operator takes a second, upper bound. */
  public boolean isRange() {
    return this == BETWEEN || this == OUTSIDE;
  }

  /**
   * Whether {@code value} breaches, the breach region widened by {@code margin} (0 for the plain
   * comparison): a value counts as still breaching until it leaves the widened region, which is how
   * hysteresis keeps a value wobbling at the threshold from resolving and firing in turns. {@code
   * !=} has no hysteresis (its widened region would be every value).
   *
   * @param bound the threshold, or the lower bound of a range
   * @param upper the upper bound of a range; ignored otherwise
   */
  public boolean breaches(double value, double bound, double upper, double margin) {
    return switch (this) {
      case GT -> value > bound - margin;
      case GE -> value >= bound - margin;
      case LT -> value < bound + margin;
      case LE -> value <= bound + margin;
      case EQ -> Math.abs(value - bound) <= margin;
      case NE -> value != bound;
      case BETWEEN -> value >= bound - margin && value <= upper + margin;
      case OUTSIDE -> value < bound + margin || value > upper - margin;
    };
  }
}
