package org.iotplatform.simulator;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.iotplatform.simulator.stats.HeapMeter;
import org.iotplatform.simulator.stats.SimulationStats;
import org.iotplatform.simulator.stats.Summary;

/** A simulation that runs until {@link #close()}. Thread-safe. */
public final class RunningSimulation implements AutoCloseable {

  private static final int CLOSING_THREADS = 8;

  private final List<SimulatedDevice> devices;
  private final ScheduledThreadPoolExecutor executor;
  private final ExecutorService callbacks;
  private final SimulationStats stats;
  private final HeapMeter heap;

  RunningSimulation(
      List<SimulatedDevice> devices,
      ScheduledThreadPoolExecutor executor,
      ExecutorService callbacks,
      SimulationStats stats,
      HeapMeter heap) {
    this.devices = devices;
    this.executor = executor;
    this.callbacks = callbacks;
    this.stats = stats;
    this.heap = heap;
  }

  /** The live counters and latencies. */
  public SimulationStats stats() {
    return stats;
  }

  /**
   * The summary so far. If not all devices connected yet, the heap is measured now with those that
   * did (a full GC).
   */
  public Summary summary() {
    if (!heap.measured()) {
      heap.loaded();
    }
    return stats.summary(heap);
  }

  /** Disconnects every device normally and stops the shared scheduler. */
  @Override
  public void close() {
    // Devices first: closing a client may still need the scheduler for its callbacks. A close
    // waits for the broker's answer to its DISCONNECT, so several run at once.
    ExecutorService closers = Executors.newFixedThreadPool(CLOSING_THREADS);
    devices.forEach(device -> closers.execute(device::close));
    closers.shutdown();
    // A closed client's connect attempt may still fail afterwards and hand its callback to the
    // scheduler: nobody waits for it any more, so it is dropped instead of reported as rejected.
    executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
    if (callbacks instanceof ThreadPoolExecutor pool) {
      pool.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
    }
    try {
      closers.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closers.shutdownNow();
      executor.shutdownNow();
      callbacks.shutdownNow();
    }
  }
}
