package org.iotplatform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes published outbox rows older than the retention, so the table holds the recent past and
 * the queue, not the service's whole history. Rows not yet published are never touched. Deletes in
 * short batches so that no long transaction holds the relay up.
 */
class OutboxCleanup {

  /** How often the relay's thread runs the cleanup. */
  static final Duration EVERY = Duration.ofMinutes(10);

  private static final int BATCH = 10_000;

  private final JdbcTemplate jdbc;
  private final Duration retention;
  private final Clock clock;

  OutboxCleanup(JdbcTemplate jdbc, OutboxProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.retention = properties.retention();
    this.clock = clock;
  }

  /**
   * @return how many rows were deleted
   */
  int deleteExpired() {
    Timestamp cutoff = Timestamp.from(Instant.now(clock).minus(retention));
    int deleted = 0;
    int batch;
    do {
      batch =
          jdbc.update(
              "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox"
                  + " WHERE published_at IS NOT NULL AND published_at < ? LIMIT ?)",
              cutoff,
              BATCH);
      deleted += batch;
    } while (batch == BATCH);
    return deleted;
  }
}
