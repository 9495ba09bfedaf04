package org.iotplatform.flink.rollup;

import java.io.Serializable;
import java.time.Duration;

/**
 * How rollups treat time, and how long InfluxDB keeps them.
 *
 * @param outOfOrderness how far behind the latest reading seen a reading may be and still count as
 *     on time: the watermark trails the highest event time by this much, and a window's first
 *     result waits for it
 * @param allowedLateness how long after its first result a window still accepts late readings; each
 *     one emits the window again, overwriting its point. Later readings are stored raw but not
 *     rolled up
 * @param idleness after how long without readings a parallel input stops holding back the
 *     watermark, so windows of busy devices close while other inputs are quiet
 * @param minuteRetention how long InfluxDB keeps 1-minute rollups, as an InfluxQL duration; used
 *     only when the policy is created
 * @param hourRetention how long InfluxDB keeps 1-hour rollups ({@code INF}: forever); used only
 *     when the policy is created
 */
public record RollupOptions(
    Duration outOfOrderness,
    Duration allowedLateness,
    Duration idleness,
    String minuteRetention,
    String hourRetention)
    implements Serializable {

  public RollupOptions {
    if (outOfOrderness.isNegative() || allowedLateness.isNegative()) {
      throw new IllegalArgumentException("out-of-orderness and lateness must not be negative");
    }
    if (idleness.isNegative() || idleness.isZero()) {
      throw new IllegalArgumentException("idleness must be positive: " + idleness);
    }
  }

  /** 5 s out of order, 10 min late, idle after 1 min; 1-minute rollups 52 weeks, hourly forever. */
  public static RollupOptions defaults() {
    return new RollupOptions(
        Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(1), "52w", "INF");
  }
}
