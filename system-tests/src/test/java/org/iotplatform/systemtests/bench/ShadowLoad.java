package org.iotplatform.systemtests.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Sets the desired state of random devices through {@link ShadowPatcher}, at a fixed rate or with a
 * fixed number of PATCHes in flight, and matches each delta the devices receive to its update
 * through the phase in progress ({@link #onDelta}).
 */
final class ShadowLoad {

  /**
   * One phase's figures.
   *
   * @param seconds how long updates were sent
   * @param deltasInWindow deltas that arrived while updates were sent (the rest came during the
   *     drain)
   * @param lost updates answered 200 whose delta had not arrived when the drain ended
   * @param deltaLatency PATCH to delta arrival, nanoseconds, the drain's arrivals included
   * @param responseTime PATCH to its response, nanoseconds
   */
  record Result(
      ShadowPhase phase,
      double seconds,
      long deltasInWindow,
      int lost,
      Histogram deltaLatency,
      Histogram responseTime) {

    double acceptedPerSecond() {
      return phase.accepted() / seconds;
    }

    double deltasPerSecond() {
      return deltasInWindow / seconds;
    }
  }

  private final List<String> devices;
  private final ShadowPatcher patcher;
  private final AtomicLong sequence = new AtomicLong();
  private volatile ShadowPhase current = new ShadowPhase();

  ShadowLoad(List<String> devices, ShadowPatcher patcher) {
    this.devices = devices;
    this.patcher = patcher;
  }

  /** Where the devices report their deltas, from any thread. */
  void onDelta(byte[] payload) {
    long arrival = System.nanoTime();
    current.delta(payload, arrival);
  }

  /**
   * {@code perSecond} updates a second for {@code duration}, each to a random device, whatever the
   * service's answers take (a PATCH does not wait for the one before), then waits up to {@code
   * drain} for the outstanding deltas.
   */
  Result paced(int perSecond, Duration duration, Duration drain) {
    ShadowPhase phase = begin();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    AtomicLong issued = new AtomicLong();
    long start = System.nanoTime();
    // Every millisecond, the updates due by then: the rate holds even if a tick comes late.
    ticker.scheduleAtFixedRate(
        () -> {
          long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
          while (issued.get() < due) {
            issued.incrementAndGet();
            send(phase);
          }
        },
        0,
        1,
        TimeUnit.MILLISECONDS);
    pause(duration);
    ticker.shutdownNow();
    return end(phase, start, drain);
  }

  /**
   * Keeps {@code inFlight} updates outstanding (each answer sends the next) for {@code duration},
   * then waits up to {@code drain} for the outstanding deltas.
   */
  Result saturate(int inFlight, Duration duration, Duration drain) {
    ShadowPhase phase = begin();
    AtomicBoolean running = new AtomicBoolean(true);
    long start = System.nanoTime();
    for (int i = 0; i < inFlight; i++) {
      chain(phase, running);
    }
    pause(duration);
    running.set(false);
    return end(phase, start, drain);
  }

  private ShadowPhase begin() {
    ShadowPhase phase = new ShadowPhase();
    current = phase;
    return phase;
  }

  private Result end(ShadowPhase phase, long start, Duration drain) {
    double seconds = (System.nanoTime() - start) / 1e9;
    long deltasInWindow = phase.deltas();
    try {
      await().atMost(drain).pollInterval(Duration.ofMillis(100)).until(() -> phase.pending() == 0);
    } catch (ConditionTimeoutException e) {
      // Counted as lost below.
    }
    return new Result(
        phase,
        seconds,
        deltasInWindow,
        phase.pending(),
        phase.deltaLatency(),
        phase.responseTime());
  }

  private void chain(ShadowPhase phase, AtomicBoolean running) {
    if (running.get()) {
      send(phase).whenComplete((status, error) -> chain(phase, running));
    }
  }

  private CompletableFuture<Integer> send(ShadowPhase phase) {
    long seq = sequence.incrementAndGet();
    String device = devices.get(ThreadLocalRandom.current().nextInt(devices.size()));
    long start = System.nanoTime();
    phase.sending(seq, start);
    return patcher
        .patch(device, seq)
        .whenComplete(
            (status, error) -> {
              if (error != null) {
                phase.refused(seq, error.toString());
              } else if (status != 200) {
                phase.refused(seq, "HTTP " + status + " for " + device);
              } else {
                phase.accepted(System.nanoTime() - start);
              }
            });
  }

  /** Lets time pass while the load runs: nothing to wait for but the clock. */
  static void pause(Duration duration) {
    await()
        .pollDelay(duration)
        .atMost(duration.plusSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> true);
  }
}
