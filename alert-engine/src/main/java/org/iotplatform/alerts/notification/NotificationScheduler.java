package org.iotplatform.alerts.notification;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every poll interval, and whenever {@link NotificationWakeup} asks, groups what waits into
 * deliveries and hands the due ones to the channel workers, on one thread of its own; a round that
 * fails (PostgreSQL down) is logged and the next one tries again.
 */
class NotificationScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NotificationScheduler.class);

  private final NotificationBatcher batcher;
  private final DeliveryWorker worker;
  private final NotificationProperties properties;
  private final AtomicBoolean woken = new AtomicBoolean();
  private volatile @Nullable ScheduledExecutorService scheduler;

  NotificationScheduler(
      NotificationBatcher batcher,
      DeliveryWorker worker,
      NotificationProperties properties,
      NotificationWakeup wakeup) {
    this.batcher = batcher;
    this.worker = worker;
    this.properties = properties;
    wakeup.onWake(this::wake);
  }

  /** Runs a round soon on the scheduler's thread; at most one such round waits at a time. */
  private void wake() {
    ScheduledExecutorService running = scheduler;
    if (running == null || !woken.compareAndSet(false, true)) {
      return;
    }
    try {
      running.execute(
          () -> {
            woken.set(false);
            round();
          });
    } catch (RejectedExecutionException stopping) {
      woken.set(false);
    }
  }

  @Override
  public synchronized void start() {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "notification-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    long millis = properties.pollInterval().toMillis();
    started.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
    scheduler = started;
  }

  private void round() {
    try {
      batcher.run();
      worker.dispatch();
    } catch (RuntimeException e) {
      log.warn("A notification round failed, retrying: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService running = scheduler;
    scheduler = null;
    if (running != null) {
      running.shutdownNow();
    }
  }

  /** At the context's end: no attempts any more (a paused test context only stops the rounds). */
  void close() {
    stop();
    worker.shutdown();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
