package org.iotplatform.shadow.store;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the outbox stream's records to Kafka, in stream order, and deletes each batch from the
 * stream once Kafka acknowledged all of it. A crash in between sends the batch again (at least
 * once; device answers carry versions and client tokens to deduplicate on).
 *
 * <p>It reads through a consumer group. Records another relay read and did not acknowledge within
 * {@code abandonedAfter} (its process crashed) are claimed ({@code XAUTOCLAIM}) and sent by this
 * one: a restarted service has a new consumer name and would not see its predecessor's records
 * otherwise. One relay thread per instance; several instances share the stream, which keeps every
 * record sent but not the order between instances (run one instance, or accept that a device may
 * see two answers in swapped order and sort them by version).
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final String GROUP = "relay";
  private static final int BATCH = 500;
  private static final Duration BLOCK = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final RedisClient client;
  private final KafkaTemplate<String, String> kafka;
  private final String consumerName;
  private final Duration sendTimeout;
  private final Duration abandonedAfter;
  private final Counter sent;
  private volatile @Nullable Thread thread;
  private volatile boolean running;

  public OutboxRelay(
      RedisClient client,
      KafkaTemplate<String, String> kafka,
      String consumerName,
      Duration sendTimeout,
      Duration abandonedAfter,
      MeterRegistry meters) {
    if (abandonedAfter.compareTo(sendTimeout) <= 0) {
      // A record still being sent must never look abandoned.
      throw new IllegalArgumentException("abandonedAfter must exceed the send timeout");
    }
    this.client = client;
    this.kafka = kafka;
    this.consumerName = consumerName;
    this.sendTimeout = sendTimeout;
    this.abandonedAfter = abandonedAfter;
    this.sent =
        Counter.builder("iot.shadow.outbox.sent")
            .description("Outbox records sent to Kafka")
            .register(meters);
  }

  @Override
  public synchronized void start() {
    running = true;
    Thread loop = new Thread(this::run, "shadow-outbox-relay");
    loop.setDaemon(true);
    thread = loop;
    loop.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    Thread loop = thread;
    if (loop != null) {
      try {
        loop.join(BLOCK.multipliedBy(3).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    Duration backoff = Duration.ofMillis(100);
    // Blocking reads get their own connection, so they never hold up the store's commands.
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> redis = connection.sync();
      connection.setTimeout(BLOCK.plus(sendTimeout));
      boolean pendingFirst = true;
      boolean groupReady = false;
      long nextClaim = System.nanoTime();
      while (running) {
        try {
          if (!groupReady) {
            createGroup(redis);
            groupReady = true;
          }
          if (System.nanoTime() - nextClaim >= 0) {
            if (claimAbandoned(redis) > 0) {
              pendingFirst = true;
            }
            nextClaim = System.nanoTime() + abandonedAfter.toNanos() / 2;
          }
          List<StreamMessage<String, String>> batch = read(redis, pendingFirst);
          if (pendingFirst && batch.isEmpty()) {
            pendingFirst = false;
            continue;
          }
          if (!batch.isEmpty()) {
            send(batch);
            String[] ids = batch.stream().map(StreamMessage::getId).toArray(String[]::new);
            redis.xack(RedisKeys.OUTBOX, GROUP, ids);
            redis.xdel(RedisKeys.OUTBOX, ids);
            sent.increment(ids.length);
          }
          backoff = Duration.ofMillis(100);
        } catch (RuntimeException e) {
          if (!running) {
            break;
          }
          log.warn(
              "Relaying shadow outbox records failed, retrying in {}: {}", backoff, e.toString());
          LockSupport.parkNanos(backoff.toNanos());
          backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
          // What was read and not acknowledged is pending: read it again before anything new.
          pendingFirst = true;
          groupReady = false;
        }
      }
    } catch (RuntimeException e) {
      log.error("The shadow outbox relay stopped", e);
    }
  }

  /** Takes over the records other consumers left unacknowledged for too long; how many. */
  private int claimAbandoned(RedisCommands<String, String> redis) {
    int claimed = 0;
    String start = "0-0";
    do {
      ClaimedMessages<String, String> page =
          redis.xautoclaim(
              RedisKeys.OUTBOX,
              XAutoClaimArgs.Builder.xautoclaim(
                      Consumer.from(GROUP, consumerName), abandonedAfter, start)
                  .count(BATCH)
                  .justid());
      claimed += page.getMessages().size();
      start = page.getId();
    } while (!"0-0".equals(start) && running);
    if (claimed > 0) {
      log.info("Took over {} outbox records another relay left unsent", claimed);
    }
    return claimed;
  }

  private List<StreamMessage<String, String>> read(
      RedisCommands<String, String> redis, boolean pending) {
    Consumer<String> consumer = Consumer.from(GROUP, consumerName);
    if (pending) {
      return redis.xreadgroup(
          consumer, XReadArgs.Builder.count(BATCH), StreamOffset.from(RedisKeys.OUTBOX, "0"));
    }
    return redis.xreadgroup(
        consumer,
        XReadArgs.Builder.count(BATCH).block(BLOCK),
        StreamOffset.lastConsumed(RedisKeys.OUTBOX));
  }

  private void send(List<StreamMessage<String, String>> batch) {
    List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
    for (StreamMessage<String, String> message : batch) {
      Map<String, String> body = message.getBody();
      sends.add(kafka.send(body.get("topic"), body.get("key"), body.get("value")));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending outbox records", e);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not acknowledge outbox records: " + e, e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void createGroup(RedisCommands<String, String> redis) {
    try {
      redis.xgroupCreate(
          StreamOffset.from(RedisKeys.OUTBOX, "0"), GROUP, XGroupCreateArgs.Builder.mkstream());
    } catch (RedisBusyException e) {
      // The group exists: the usual case.
    }
  }
}
