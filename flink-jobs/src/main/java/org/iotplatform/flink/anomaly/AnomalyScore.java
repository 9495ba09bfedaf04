package org.iotplatform.flink.anomaly;

import org.jspecify.annotations.Nullable;

/**
 * The anomaly score of one reading, published as the metrics {@value #SCORE}, {@value #Z_SCORE} and
 * (once the forest is warm) {@value #FOREST_SCORE}, each in [0, 1].
 *
 * @param deviceId the device
 * @param tenantId the tenant, as the reading's {@code tenant-id} header said
 * @param timestamp the reading's time, epoch milliseconds
 * @param receivedAt when the broker received the reading, epoch milliseconds
 * @param score the larger of the two below
 * @param zScore the largest z-score among the reading's metrics, mapped to [0, 1]
 * @param forestScore the Random Cut Forest's score mapped to [0, 1]; null while it warms up
 */
public record AnomalyScore(
    String deviceId,
    String tenantId,
    long timestamp,
    long receivedAt,
    double score,
    double zScore,
    @Nullable Double forestScore) {

  /** The combined score, the one to alert on ({@code anomaly_score > 0.8}). */
  public static final String SCORE = "anomaly_score";

  /** The per-metric z-score part. */
  public static final String Z_SCORE = "anomaly_zscore";

  /** The Random Cut Forest part. */
  public static final String FOREST_SCORE = "anomaly_rcf";
}
