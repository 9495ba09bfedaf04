package org.iotplatform.alerts.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends due deliveries, each channel on its own: a channel has at most {@code
 * maxInFlightPerChannel} attempts under way, each on a thread of its own and bounded by the
 * timeout, so a failing or slow endpoint only delays its own messages. A claimed delivery is leased
 * in PostgreSQL; if the service dies mid-attempt the lease runs out and the delivery is tried again
 * (at least once; receivers dedupe on the delivery id). A failed attempt is retried after an
 * exponential back-off with jitter, and after the last attempt the delivery is {@code DEAD} with
 * its last error.
 */
class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int CLAIMS_PER_ROUND = 50;
  private static final int MAX_ERROR_LENGTH = 1000;

  private final JdbcClient jdbc;
  private final NotificationProperties properties;
  private final Map<String, ChannelSender> senders;
  private final ExecutorService executor;
  private final Clock clock;
  private final Backoff backoff;
  private final MeterRegistry meters;
  private final NotificationWakeup wakeup;
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  DeliveryWorker(
      JdbcClient jdbc,
      NotificationProperties properties,
      List<ChannelSender> senders,
      ExecutorService executor,
      Clock clock,
      MeterRegistry meters,
      NotificationWakeup wakeup) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.senders =
        senders.stream().collect(Collectors.toMap(ChannelSender::kind, Function.identity()));
    this.executor = executor;
    this.clock = clock;
    this.backoff =
        new Backoff(properties.initialBackoff(), properties.maxBackoff(), properties.jitter());
    this.meters = meters;
    this.wakeup = wakeup;
  }

  /**
   * A claimed delivery as stored; its JSON is read on the attempt's thread, so that a row that
   * cannot be read fails its own attempts (and ends dead) instead of every dispatch round.
   */
  private record Claim(
      UUID id,
      String channelId,
      String channelKind,
      String target,
      String message,
      int attempts,
      Instant firstEventAt) {}

  /**
   * Claims the next due deliveries of every channel with a free slot and starts their attempts; a
   * claim beyond a channel's free slots is handed back at once.
   */
  void dispatch() {
    Instant now = clock.instant();
    List<Claim> claimed =
        jdbc.sql(
                "UPDATE notification_delivery SET locked_until = :lease WHERE id IN (SELECT id"
                    + " FROM (SELECT id, row_number() OVER (PARTITION BY channel_id ORDER BY"
                    + " next_attempt_at, created_at) AS rank FROM notification_delivery WHERE"
                    + " state = 'PENDING' AND next_attempt_at <= :now AND (locked_until IS NULL"
                    + " OR locked_until < :now) AND NOT (channel_id = ANY (CAST(:busy AS"
                    + " text[])))) due WHERE rank <= :perChannel LIMIT :limit) AND state ="
                    + " 'PENDING' AND"
                    + " (locked_until IS NULL OR locked_until < :now) RETURNING id, channel_id,"
                    + " channel_kind, target::text AS target, message::text AS message, attempts,"
                    + " first_event_at")
            .param("lease", Timestamp.from(now.plus(properties.lease())))
            .param("now", Timestamp.from(now))
            .param("busy", fullChannels())
            .param("perChannel", properties.maxInFlightPerChannel())
            .param("limit", CLAIMS_PER_ROUND)
            .query(
                (rs, row) ->
                    new Claim(
                        rs.getObject("id", UUID.class),
                        rs.getString("channel_id"),
                        rs.getString("channel_kind"),
                        rs.getString("target"),
                        rs.getString("message"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("first_event_at").toInstant()))
            .list();
    for (Claim claim : claimed) {
      if (!reserve(claim.channelId())) {
        release(claim);
        continue;
      }
      try {
        executor.execute(() -> attempt(claim));
      } catch (RejectedExecutionException e) {
        slot(claim.channelId()).decrementAndGet();
        release(claim);
      }
    }
  }

  private String[] fullChannels() {
    return inFlight.entrySet().stream()
        .filter(entry -> entry.getValue().get() >= properties.maxInFlightPerChannel())
        .map(Map.Entry::getKey)
        .toArray(String[]::new);
  }

  private AtomicInteger slot(String channelId) {
    return inFlight.computeIfAbsent(channelId, id -> new AtomicInteger());
  }

  /** Takes one of the channel's slots; false when all are taken. */
  private boolean reserve(String channelId) {
    AtomicInteger count = slot(channelId);
    if (count.incrementAndGet() > properties.maxInFlightPerChannel()) {
      count.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Hands a claim back, so the next round may take it without waiting for its lease to end. */
  private void release(Claim claim) {
    jdbc.sql(
            "UPDATE notification_delivery SET locked_until = NULL WHERE id = :id AND state ="
                + " 'PENDING'")
        .param("id", claim.id())
        .update();
  }

  private void attempt(Claim claim) {
    try {
      ChannelSender sender = senders.get(claim.channelKind());
      if (sender == null) {
        throw new IllegalStateException("Unknown channel kind " + claim.channelKind());
      }
      sender.send(
          new Delivery(
              claim.id(),
              NotificationJson.target(claim.target()),
              NotificationJson.message(claim.message()),
              claim.attempts(),
              claim.firstEventAt()));
      sent(claim);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failed(claim, e);
    } finally {
      slot(claim.channelId()).decrementAndGet();
      // The channel is idle again: its next due delivery need not wait for the next poll.
      wakeup.wake();
    }
  }

  private void sent(Claim delivery) {
    Instant now = clock.instant();
    jdbc.sql(
            "UPDATE notification_delivery SET state = 'SENT', attempts = attempts + 1, sent_at ="
                + " :now, locked_until = NULL, last_error = NULL WHERE id = :id")
        .param("now", Timestamp.from(now))
        .param("id", delivery.id())
        .update();
    String kind = delivery.channelKind();
    outcome(kind, "sent").increment();
    Timer.builder("iot.alerts.notifications.latency")
        .tag("kind", kind)
        .description("From the oldest notification of a message written to the message sent")
        .register(meters)
        .record(Duration.between(delivery.firstEventAt(), now));
  }

  private void failed(Claim delivery, Exception e) {
    int attempts = delivery.attempts() + 1;
    boolean dead = attempts >= properties.maxAttempts();
    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.toString();
    if (error.length() > MAX_ERROR_LENGTH) {
      error = error.substring(0, MAX_ERROR_LENGTH);
    }
    Instant next =
        clock.instant().plus(backoff.after(attempts, ThreadLocalRandom.current()::nextDouble));
    jdbc.sql(
            "UPDATE notification_delivery SET state = :state, attempts = :attempts,"
                + " next_attempt_at = :next, locked_until = NULL, last_error = :error"
                + " WHERE id = :id")
        .param("state", dead ? "DEAD" : "PENDING")
        .param("attempts", attempts)
        .param("next", Timestamp.from(next))
        .param("error", error)
        .param("id", delivery.id())
        .update();
    String kind = delivery.channelKind();
    outcome(kind, "failed").increment();
    if (dead) {
      outcome(kind, "dead").increment();
      log.warn("Gave up delivery {} after {} attempts: {}", delivery.id(), attempts, error);
    }
  }

  /** Stops taking attempts; those in flight end within the timeout and are leased meanwhile. */
  void shutdown() {
    executor.shutdown();
  }

  private Counter outcome(String kind, String outcome) {
    return Counter.builder("iot.alerts.notifications")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .description("Delivery attempts by channel kind: sent, failed, and given up (dead)")
        .register(meters);
  }
}
