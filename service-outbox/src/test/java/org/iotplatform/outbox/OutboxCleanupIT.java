package org.iotplatform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cleanup on a real PostgreSQL: only published rows past the retention go. */
class OutboxCleanupIT {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  private JdbcTemplate jdbc;

  @BeforeEach
  void freshDatabase() {
    jdbc = new JdbcTemplate(OutboxDatabase.fresh("outbox_cleanup_it"));
  }

  @Test
  void deletesPublishedRowsPastTheRetentionAndKeepsTheRest() {
    insert("old-published", NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(8)));
    insert("recent-published", NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(6)));
    insert("old-unpublished", NOW.minus(Duration.ofDays(30)), null);
    OutboxCleanup underTest =
        new OutboxCleanup(jdbc, properties(Duration.ofDays(7)), Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(underTest.deleteExpired()).isEqualTo(1);

    assertThat(jdbc.queryForList("SELECT record_key FROM outbox ORDER BY id", String.class))
        .isEqualTo(List.of("recent-published", "old-unpublished"));
  }

  private void insert(String key, Instant created, @Nullable Instant published) {
    jdbc.update(
        "INSERT INTO outbox (aggregate_key, topic, record_key, payload, created_at, published_at)"
            + " VALUES ('test', 't', ?, NULL, ?, ?)",
        key,
        Timestamp.from(created),
        published == null ? null : Timestamp.from(published));
  }

  private static OutboxProperties properties(Duration retention) {
    return new OutboxProperties(
        Duration.ofMillis(200), 10, Duration.ofSeconds(1), Duration.ofSeconds(1), retention);
  }
}
