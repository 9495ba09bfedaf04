package org.iotplatform.registry.status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stream of device events into few row updates. Events wait here until the next flush, and
 * only the newest per device counts. A flush then writes a device only if its status changed since
 * the last write, or its last_seen moved by at least the resolution: a device heartbeating every 30
 * s with a 5 minute resolution costs one row update per 5 minutes, not ten.
 *
 * <p>Not thread-safe: the consumer thread owns it; only {@link #absorbed} may be read elsewhere.
 */
final class StatusCoalescer {

  private final Duration resolution;
  private final Map<String, StatusUpdate> pending = new LinkedHashMap<>();
  private final Cache<String, StatusUpdate> written;
  // Written by the owner thread only; volatile so that the metrics gauge reads a current value.
  private volatile long absorbed;

  StatusCoalescer(Duration resolution, long rememberedDevices) {
    this.resolution = resolution;
    // Eviction on the calling thread: the owner is one thread, and the bound then holds at once.
    this.written =
        Caffeine.newBuilder().maximumSize(rememberedDevices).executor(Runnable::run).build();
  }

  /** Takes an event; it replaces an older pending one of the same device. */
  void offer(StatusUpdate update) {
    StatusUpdate previous = pending.get(update.deviceId());
    if (previous == null || update.supersedes(previous)) {
      pending.put(update.deviceId(), update);
    }
    if (previous != null) {
      absorbed++;
    }
  }

  /** Devices with an event waiting. */
  int pendingDevices() {
    return pending.size();
  }

  /**
   * Takes every pending event out and returns those that need a row update; the rest count as
   * absorbed. After writing them, call {@link #written}; if the write failed, {@link #offer} them
   * again.
   */
  List<StatusUpdate> drain() {
    List<StatusUpdate> due = new ArrayList<>(pending.size());
    for (StatusUpdate update : pending.values()) {
      if (needsWrite(update)) {
        due.add(update);
      } else {
        absorbed++;
      }
    }
    pending.clear();
    return due;
  }

  private boolean needsWrite(StatusUpdate update) {
    StatusUpdate last = written.getIfPresent(update.deviceId());
    return last == null
        || last.status() != update.status()
        || !update.at().isBefore(last.at().plus(resolution));
  }

  /** Records that these updates are in the database. */
  void written(List<StatusUpdate> updates) {
    for (StatusUpdate update : updates) {
      written.put(update.deviceId(), update);
    }
  }

  /** Forgets what was written, for devices whose partitions this instance no longer reads. */
  void forgetWritten() {
    written.invalidateAll();
  }

  /** Events that needed no row update of their own, since this coalescer was made. */
  long absorbed() {
    return absorbed;
  }
}
