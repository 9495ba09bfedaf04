package org.iotplatform.flink.storage;

import java.io.Serializable;
import java.time.Duration;
import org.iotplatform.contracts.InfluxSchema;
import org.jspecify.annotations.Nullable;

/**
 * Where and how {@link InfluxSink} writes.
 *
 * @param url the InfluxDB base URL, for example {@code http://127.0.0.1:8086}
 * @param username the user, or null when InfluxDB runs without authentication
 * @param password the user's password, or null
 * @param database the database, created if missing; {@link InfluxSchema#DATABASE} by default
 * @param retentionPolicy the retention policy points are written to, created (as the database's
 *     default) if missing; {@link InfluxSchema#RAW_RETENTION_POLICY} by default
 * @param retentionDuration how long the retention policy keeps points when this sink creates it, as
 *     an InfluxQL duration ({@code 30d}, {@code 52w}, {@code INF}); an existing policy is left as
 *     it is
 * @param batchSize points per write request; a full batch is written at once
 * @param flushInterval the longest a point waits in a batch that is not full
 * @param maxRetries how often a failed write is retried before the task fails
 * @param initialBackoff the wait before the first retry; it doubles per retry up to {@link
 *     #MAX_BACKOFF}
 * @param defaultPolicy whether the retention policy, when this sink creates it, becomes the
 *     database's default (the one InfluxQL queries without a policy read): true for raw points
 */
public record InfluxSinkOptions(
    String url,
    @Nullable String username,
    @Nullable String password,
    String database,
    String retentionPolicy,
    String retentionDuration,
    int batchSize,
    Duration flushInterval,
    int maxRetries,
    Duration initialBackoff,
    boolean defaultPolicy)
    implements Serializable {

  /** The longest wait between two retries. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  public InfluxSinkOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
    }
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be positive: " + flushInterval);
    }
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must not be negative: " + initialBackoff);
    }
  }

  /**
   * No authentication, database {@code iot}, policy {@code raw} of 30 days, batches of 5,000 points
   * or 1 s, 5 retries starting at 200 ms.
   */
  public static InfluxSinkOptions defaults(String url) {
    return new InfluxSinkOptions(
        url,
        null,
        null,
        InfluxSchema.DATABASE,
        InfluxSchema.RAW_RETENTION_POLICY,
        "30d",
        5_000,
        Duration.ofSeconds(1),
        5,
        Duration.ofMillis(200),
        true);
  }

  /** The same options with another user and password. */
  public InfluxSinkOptions withCredentials(@Nullable String username, @Nullable String password) {
    return new InfluxSinkOptions(
        url,
        username,
        password,
        database,
        retentionPolicy,
        retentionDuration,
        batchSize,
        flushInterval,
        maxRetries,
        initialBackoff,
        defaultPolicy);
  }

  /**
   * The same server, database, credentials and batching for another retention policy that is not
   * the database's default, such as a rollup policy.
   */
  public InfluxSinkOptions withSecondaryPolicy(String retentionPolicy, String retentionDuration) {
    return new InfluxSinkOptions(
        url,
        username,
        password,
        database,
        retentionPolicy,
        retentionDuration,
        batchSize,
        flushInterval,
        maxRetries,
        initialBackoff,
        false);
  }

  /** The same options with another batch size and flush interval. */
  public InfluxSinkOptions withBatching(int batchSize, Duration flushInterval) {
    return new InfluxSinkOptions(
        url,
        username,
        password,
        database,
        retentionPolicy,
        retentionDuration,
        batchSize,
        flushInterval,
        maxRetries,
        initialBackoff,
        defaultPolicy);
  }

  // Keeps the password out of logs and exception messages.
  @Override
  public String toString() {
    return "InfluxSinkOptions[url="
        + url
        + ", username="
        + username
        + ", password="
        + (password == null ? null : "***")
        + ", database="
        + database
        + ", retentionPolicy="
        + retentionPolicy
        + ", retentionDuration="
        + retentionDuration
        + ", batchSize="
        + batchSize
        + ", flushInterval="
        + flushInterval
        + ", maxRetries="
        + maxRetries
        + ", initialBackoff="
        + initialBackoff
        + ", defaultPolicy="
        + defaultPolicy
        + "]";
  }
}
