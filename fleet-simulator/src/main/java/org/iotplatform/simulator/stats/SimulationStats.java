package org.iotplatform.simulator.stats;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * The counters and the publish-to-acknowledgement latency of a running simulation. Recording is
 * thread-safe and wait-free (every device's callbacks record); reading ({@link #progressLine()},
 * {@link #summary}) is serialised here.
 */
public final class SimulationStats {

  private final int devices;
  private final long startNanos;
  private final AtomicInteger connected = new AtomicInteger();
  private final LongAdder connects = new LongAdder();
  private final AtomicReference<@Nullable String> firstError = new AtomicReference<>();
  private final AtomicReference<@Nullable String> firstConnectFailure = new AtomicReference<>();
  private final LongAdder sent = new LongAdder();
  private final LongAdder acked = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  // Microseconds; a Recorder lets many threads record while one reader swaps interval histograms.
  private final Recorder latency = new Recorder(3);
  private final Histogram total = new Histogram(3);
  private long lastProgressNanos;
  private long lastProgressAcked;

  /**
   * @param devices how many devices the simulation runs
   * @param startNanos {@link System#nanoTime()} at its start
   */
  public SimulationStats(int devices, long startNanos) {
    this.devices = devices;
    this.startNanos = startNanos;
    this.lastProgressNanos = startNanos;
  }

  /** A device connected. */
  public void connected() {
    connected.incrementAndGet();
    connects.increment();
  }

  /** A connected device lost its connection or was closed. */
  public void disconnected() {
    connected.decrementAndGet();
  }

  /** A message was handed to a client. */
  public void sent() {
    sent.increment();
  }

  /** A message was acknowledged {@code latencyNanos} after it was handed over. */
  public void acknowledged(long latencyNanos) {
    acked.increment();
    latency.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
  }

  /** A publish or a connect failed; the first failure's message is kept. */
  public void error(Throwable failure) {
    errors.increment();
    firstError.compareAndSet(null, describe(failure));
  }

  /**
   * A connection attempt failed (the client retries by itself, so it is no error); the first cause
   * is kept, to say why a fleet cannot connect.
   */
  public void connectAttemptFailed(Throwable cause) {
    firstConnectFailure.compareAndSet(null, describe(cause));
  }

  /** Why the first failed connection attempt failed, if one did. */
  public @Nullable String firstConnectFailure() {
    return firstConnectFailure.get();
  }

  /** The message of the first failure, if there was one. */
  public @Nullable String firstError() {
    return firstError.get();
  }

  /** Successful connections so far (first connects and reconnects). */
  public long connects() {
    return connects.sum();
  }

  /** A message was lost in the device. */
  public void dropped() {
    dropped.increment();
  }

  /** Devices connected now. */
  public int connectedNow() {
    return connected.get();
  }

  /** Messages acknowledged so far. */
  public long ackedSoFar() {
    return acked.sum();
  }

  /**
   * One progress line: the counters, and the rate and latency since the previous line, e.g. {@code
   * connected=998/1000 sent=5123 acked=5101 errors=0 dropped=0 | 1020.2 msg/s p50=1.9ms p99=8.4ms}.
   */
  public synchronized String progressLine() {
    long now = System.nanoTime();
    Histogram interval = drain();
    long ackedNow = acked.sum();
    double seconds = Math.max(1e-9, (now - lastProgressNanos) / 1e9);
    double rate = (ackedNow - lastProgressAcked) / seconds;
    lastProgressNanos = now;
    lastProgressAcked = ackedNow;
    return String.format(
        Locale.ROOT,
        "connected=%d/%d sent=%d acked=%d errors=%d dropped=%d | %.1f msg/s p50=%.1fms"
            + " p99=%.1fms",
        connected.get(),
        devices,
        sent.sum(),
        ackedNow,
        errors.sum(),
        dropped.sum(),
        rate,
        millis(interval.getValueAtPercentile(50)),
        millis(interval.getValueAtPercentile(99)));
  }

  /** The summary of the run so far, with the heap as {@code heap} measured it. */
  public synchronized Summary summary(HeapMeter heap) {
    drain();
    double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    long ackedNow = acked.sum();
    long added = heap.addedBytes();
    return new Summary(
        devices,
        connected.get(),
        sent.sum(),
        ackedNow,
        errors.sum(),
        dropped.sum(),
        seconds,
        ackedNow / seconds,
        millis(total.getValueAtPercentile(50)),
        millis(total.getValueAtPercentile(99)),
        millis(total.getMaxValue()),
        heap.loadedBytes() < 0 ? -1 : heap.loadedBytes() / (1024.0 * 1024.0),
        added < 0 || devices == 0 ? -1 : added / 1024.0 / devices);
  }

  private static String describe(Throwable failure) {
    return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
  }

  private Histogram drain() {
    Histogram interval = latency.getIntervalHistogram();
    total.add(interval);
    return interval;
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }
}
