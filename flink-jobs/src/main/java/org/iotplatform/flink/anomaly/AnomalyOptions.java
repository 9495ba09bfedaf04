package org.iotplatform.flink.anomaly;

import java.io.Serializable;
import java.time.Duration;

/**
 * How each device's baseline is learned and scored.
 *
 * @param alpha weight of a new reading in the exponentially weighted mean and variance, in (0, 1]:
 *     0.05 remembers roughly the last 40 readings
 * @param warmUp readings of a metric that only train its baseline before the metric is scored
 * @param maxMetrics numeric metrics per device that get a baseline; later new names are ignored, so
 *     a device inventing names cannot grow its state without bound
 * @param forest the Random Cut Forest over the device's metrics together
 * @param stateTtl how long a device's baselines and forest are kept after its last scored reading:
 *     a device gone for good does not keep its state forever, one that comes back warms up again
 */
public record AnomalyOptions(
    double alpha, int warmUp, int maxMetrics, ForestOptions forest, Duration stateTtl)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public AnomalyOptions {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1]: " + alpha);
    }
    if (warmUp < 2) {
      throw new IllegalArgumentException("warm-up needs at least 2 readings: " + warmUp);
    }
    if (maxMetrics < 1) {
      throw new IllegalArgumentException("max metrics must be positive: " + maxMetrics);
    }
    if (stateTtl.isNegative() || stateTtl.isZero()) {
      throw new IllegalArgumentException("state TTL must be positive: " + stateTtl);
    }
  }

  /** The default state TTL: a week. */
  public static final Duration DEFAULT_STATE_TTL = Duration.ofDays(7);

  /**
   * Alpha 0.05, a warm-up of 30 readings, 16 metrics, {@link ForestOptions#defaults()}, state kept
   * a week.
   */
  public static AnomalyOptions defaults() {
    return new AnomalyOptions(0.05, 30, 16, ForestOptions.defaults(), DEFAULT_STATE_TTL);
  }

  /**
   * The Random Cut Forest of one device. Its state grows with trees × sample size × dimensions and
   * is bounded by them (see the module's README for measured sizes).
   *
   * @param trees number of trees
   * @param sampleSize points each tree keeps
   * @param warmUp points the forest takes in before it scores
   * @param dimensions most metrics the forest looks at together: the first this many names, in
   *     sorted order, of the metrics scored when the forest is created
   */
  public record ForestOptions(int trees, int sampleSize, int warmUp, int dimensions)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    public ForestOptions {
      if (trees < 1 || sampleSize < 2 || warmUp < 1 || dimensions < 1) {
        throw new IllegalArgumentException(
            "forest options must be positive (sample size at least 2): " + this);
      }
    }

    /** 30 trees of 64 points each, a warm-up of 64 points, at most 8 dimensions. */
    public static ForestOptions defaults() {
      return new ForestOptions(30, 64, 64, 8);
    }
  }
}
