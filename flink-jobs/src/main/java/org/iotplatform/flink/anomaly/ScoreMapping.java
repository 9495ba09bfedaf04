package org.iotplatform.flink.anomaly;

/**
 * Maps both raw scores to [0, 1] so that a deviation of 3 standard deviations gives 0.8, the
 * threshold operators are advised to alert on ({@code anomaly_score > 0.8}).
 */
final class ScoreMapping {

  /** The z-score that maps to {@link #ALERT_LEVEL}. */
  static final double Z_AT_ALERT_LEVEL = 3;

  /**
   * The Random Cut Forest score that maps to {@link #ALERT_LEVEL}: what a point about 3 standard
   * deviations off on every metric gets from a forest of 30 trees of 64 points (measured: usual
   * points score 0.8 to 1; 2.4 to 2.6 for 3 sigma on one to eight metrics).
   */
  static final double FOREST_AT_ALERT_LEVEL = 2.5;

  /** Forest scores up to this are the forest's usual range and map to 0. */
  static final double FOREST_NORMAL = 1;

  static final double ALERT_LEVEL = 0.8;

  private ScoreMapping() {}

  /** {@code 1 - 5^-(z/3)^2}: 0 at the mean, 0.16 at 1 sigma, 0.51 at 2, 0.8 at 3, 0.94 at 4. */
  static double fromZScore(double z) {
    double scaled = z / Z_AT_ALERT_LEVEL;
    return 1 - Math.pow(1 / (1 - ALERT_LEVEL), -scaled * scaled);
  }

  /** {@code 1 - 5^-((s-1)/1.5)} above 1, else 0: 0.8 at 2.5, 0.96 at 4. */
  static double fromForestScore(double score) {
    if (!(score > FOREST_NORMAL)) {
      return 0;
    }
    double scaled = (score - FOREST_NORMAL) / (FOREST_AT_ALERT_LEVEL - FOREST_NORMAL);
    return 1 - Math.pow(1 / (1 - ALERT_LEVEL), -scaled);
  }
}
