package org.iotplatform.registry.idempotency;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes the keys past their retention every {@code cleanup-interval}. A key past its retention is
 * free for a new request even before it is deleted (a claim overwrites it); the deletion only keeps
 * the table small.
 */
@Component
class IdempotencyKeyCleanup implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

  private final IdempotencyKeyRepository keys;
  private final IdempotencyProperties properties;
  private final Clock clock;
  private @Nullable ScheduledExecutorService executor;

  IdempotencyKeyCleanup(
      IdempotencyKeyRepository keys, IdempotencyProperties properties, Clock clock) {
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
  }

  /** Deletes the expired keys now; returns how many. */
  int cleanUp() {
    return keys.deleteExpired(clock.instant());
  }

  private void round() {
    try {
      int deleted = cleanUp();
      if (deleted > 0) {
        log.debug("Deleted {} expired idempotency keys", deleted);
      }
    } catch (RuntimeException e) {
      // The next round tries again; until then expired keys only take space.
      log.warn("Deleting expired idempotency keys failed: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "idempotency-key-cleanup");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.cleanupInterval().toMillis();
    executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
