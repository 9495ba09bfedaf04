package org.iotplatform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends unpublished outbox rows to Kafka in id order, waits for every acknowledgement, then marks
 * them published: at least once (a crash or a failed send between the two resends the rows), and in
 * order per key (rows go out in id order; the idempotent producer keeps that order per partition).
 * A failed round leaves its rows and is retried after a pause that doubles up to {@link
 * OutboxProperties#maxBackoff()}, so the service keeps serving while Kafka is down.
 *
 * <p>One thread polls; a PostgreSQL advisory lock ({@link OutboxSettings#lockId()}) makes one relay
 * at a time send, should several instances share the database (two concurrent relays could reorder
 * a key's records). The same thread deletes published rows past their retention now and then.
 *
 * <p>Metrics, tagged {@code service}: {@code iot.outbox.published} (records sent) and {@code
 * iot.outbox.lag} (age of the oldest unsent row, seconds; 0 when none waits).
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, byte[]> kafka;
  private final OutboxSettings settings;
  private final OutboxProperties properties;
  private final OutboxCleanup cleanup;
  private final Counter published;
  private final AtomicLong lagMillis = new AtomicLong();
  private @Nullable ScheduledExecutorService executor;
  private Duration pause;
  private long lastCleanup = System.nanoTime();

  OutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      OutboxSettings settings,
      OutboxCleanup cleanup,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.settings = settings;
    this.properties = settings.properties();
    this.cleanup = cleanup;
    this.pause = properties.interval();
    this.published =
        Counter.builder("iot.outbox.published")
            .description("Outbox records sent to Kafka")
            .tag("service", settings.service())
            .register(meters);
    Gauge.builder("iot.outbox.lag", lagMillis, millis -> millis.get() / 1000.0)
        .description("Age of the oldest outbox row not yet sent to Kafka")
        .tag("service", settings.service())
        .baseUnit("seconds")
        .register(meters);
  }

  private record Row(long id, String topic, String key, byte @Nullable [] payload) {}

  /**
   * Sends one batch.
   *
   * @return how many rows were published (0 when none waited or another relay holds the lock)
   * @throws IllegalStateException when Kafka did not acknowledge the batch; nothing is marked
   */
  int relayOnce() {
    Integer sent = transactions.execute(status -> lockedRound());
    return sent == null ? 0 : sent;
  }

  private int lockedRound() {
    Boolean locked =
        jdbc.queryForObject(
            "SELECT pg_try_advisory_xact_lock(?)", Boolean.class, settings.lockId());
    if (!Boolean.TRUE.equals(locked)) {
      return 0;
    }
    List<Row> rows =
        jdbc.query(
            "SELECT id, topic, record_key, payload FROM outbox WHERE published_at IS NULL"
                + " ORDER BY id LIMIT ?",
            (rs, i) ->
                new Row(
                    rs.getLong("id"),
                    rs.getString("topic"),
                    rs.getString("record_key"),
                    rs.getBytes("payload")),
            properties.batchSize());
    if (rows.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
    try {
      for (Row row : rows) {
        acks.add(kafka.send(row.topic(), row.key(), row.payload()));
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while awaiting Kafka", e);
    } catch (Exception e) {
      // Nothing is marked: the whole batch goes again, and a consumer drops what it saw already.
      throw new IllegalStateException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
    }
    Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
    jdbc.update(
        con -> {
          var statement =
              con.prepareStatement("UPDATE outbox SET published_at = now() WHERE id = ANY (?)");
          statement.setArray(1, con.createArrayOf("bigint", ids));
          return statement;
        });
    published.increment(rows.size());
    return rows.size();
  }

  private void round() {
    try {
      int sent;
      do {
        sent = relayOnce();
      } while (sent == properties.batchSize());
      if (pause.compareTo(properties.interval()) > 0) {
        log.info("Outbox relay publishes again");
      }
      pause = properties.interval();
      cleanUpNowAndThen();
    } catch (RuntimeException e) {
      pause = min(pause.multipliedBy(2), properties.maxBackoff());
      log.warn("Outbox relay failed, retrying in {}: {}", pause, e.getMessage());
    }
    measureLag();
    schedule(pause);
  }

  /** On the relay's thread, so that cleanup and relay never compete for the table's rows. */
  private void cleanUpNowAndThen() {
    if (System.nanoTime() - lastCleanup < OutboxCleanup.EVERY.toNanos()) {
      return;
    }
    lastCleanup = System.nanoTime();
    try {
      int deleted = cleanup.deleteExpired();
      if (deleted > 0) {
        log.info("Outbox cleanup deleted {} published rows past their retention", deleted);
      }
    } catch (RuntimeException e) {
      log.warn("Outbox cleanup failed, trying again later: {}", e.getMessage());
    }
  }

  /** Updates the lag gauge; package-private so that a test can measure without the thread. */
  void measureLag() {
    try {
      Timestamp oldest =
          jdbc.queryForObject(
              "SELECT min(created_at) FROM outbox WHERE published_at IS NULL", Timestamp.class);
      lagMillis.set(
          oldest == null
              ? 0
              : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis()));
    } catch (RuntimeException e) {
      log.debug("Outbox lag not measured: {}", e.getMessage());
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private synchronized void schedule(Duration delay) {
    if (executor != null && !executor.isShutdown()) {
      executor.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, settings.service() + "-outbox-relay");
              thread.setDaemon(true);
              return thread;
            });
    schedule(properties.interval());
  }

  @Override
  public void stop() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      stopping = executor;
      executor = null;
    }
    if (stopping != null) {
      stopping.shutdownNow();
      try {
        stopping.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
