package org.iotplatform.simulator.stats;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures what the simulated devices cost in heap: the used heap after a full GC with all devices
 * connected, minus the used heap after a full GC before the first client was built. What stays
 * after a GC is what the clients, their buffers and their profiles hold, not garbage of the moment.
 */
public final class HeapMeter {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private volatile long baselineBytes = -1;
  private volatile long loadedBytes = -1;

  /** Takes the baseline; call before the clients are built. */
  public void baseline() {
    baselineBytes = usedAfterGc();
  }

  /** Takes the measurement with the devices connected; only the first call counts. */
  public synchronized void loaded() {
    if (loadedBytes < 0) {
      loadedBytes = usedAfterGc();
    }
  }

  /** Whether {@link #loaded()} was measured. */
  public boolean measured() {
    return loadedBytes >= 0;
  }

  /** The used heap with the devices, in bytes; -1 before {@link #loaded()}. */
  public long loadedBytes() {
    return loadedBytes;
  }

  /** What the devices added, in bytes (never negative); -1 while either side is missing. */
  public long addedBytes() {
    if (baselineBytes < 0 || loadedBytes < 0) {
      return -1;
    }
    return Math.max(0, loadedBytes - baselineBytes);
  }

  private long usedAfterGc() {
    // An explicit GC is what makes the two sides comparable; it runs twice in a whole run.
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
