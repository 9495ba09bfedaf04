package org.iotplatform.flink.rollup;

/**
 * The running aggregate of one window: the window state of {@link Rollups}. Immutable; {@link #add}
 * returns a new one.
 *
 * @param min the smallest value so far; {@code +Infinity} when empty
 * @param max the largest value so far; {@code -Infinity} when empty
 * @param sum the sum of the values so far
 * @param count how many values so far
 */
public record RollupAccumulator(double min, double max, double sum, long count) {

  /** No values yet. */
  public static final RollupAccumulator EMPTY =
      new RollupAccumulator(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0);

  /** This aggregate with {@code value} added. */
  public RollupAccumulator add(double value) {
    return new RollupAccumulator(
        Math.min(min, value), Math.max(max, value), sum + value, count + 1);
  }

  /** Both aggregates together. */
  public RollupAccumulator merge(RollupAccumulator other) {
    return new RollupAccumulator(
        Math.min(min, other.min), Math.max(max, other.max), sum + other.sum, count + other.count);
  }

  /** The mean; only meaningful when {@link #count} is positive. */
  public double mean() {
    return sum / count;
  }
}
