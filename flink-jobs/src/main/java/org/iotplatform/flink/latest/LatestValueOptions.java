package org.iotplatform.flink.latest;

import java.io.Serializable;
import java.time.Duration;

/**
 * Where and how {@link LatestValueSink} writes.
 *
 * @param redisUri the Redis server, a Lettuce URI such as {@code redis://127.0.0.1:6379}
 * @param batchSize values (device and metric) buffered before a write; a full buffer is written at
 *     once
 * @param flushInterval the longest a value waits in a buffer that is not full
 */
public record LatestValueOptions(String redisUri, int batchSize, Duration flushInterval)
    implements Serializable {

  public LatestValueOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be positive: " + flushInterval);
    }
  }

  // Keeps a password in the URI out of logs and exception messages.
  @Override
  public String toString() {
    return "LatestValueOptions[redisUri="
        + redisUri.replaceFirst("//[^@/]*@", "//***@")
        + ", batchSize="
        + batchSize
        + ", flushInterval="
        + flushInterval
        + "]";
  }

  /** Batches of 1,000 values or 1 s. */
  public static LatestValueOptions defaults(String redisUri) {
    return new LatestValueOptions(redisUri, 1_000, Duration.ofSeconds(1));
  }
}
