package org.iotplatform.bridge.internal.view;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.iotplatform.contracts.DeviceSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device id to the device's latest snapshot: the highest {@code version} seen wins, a tombstone
 * removes the device. Thread-safe: one thread applies records, the broker's threads read.
 *
 * <p>Memory is bounded by {@code maxDevices}: a snapshot is about 0.5 to 1 KB, so the default of
 * 1,000,000 devices is at most about 1 GB. Past the bound a new device is not added (and cannot
 * connect) and an error is logged, rather than the broker running out of memory.
 */
public final class DeviceView {

  private static final Logger log = LoggerFactory.getLogger(DeviceView.class);

  private final ConcurrentHashMap<String, DeviceSnapshot> devices = new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final int maxDevices;
  private volatile boolean ready;

  public DeviceView(int maxDevices) {
    if (maxDevices < 1) {
      throw new IllegalArgumentException("max devices must be positive: " + maxDevices);
    }
    this.maxDevices = maxDevices;
  }

  /** The latest snapshot of the device, empty when it is unknown or deleted. */
  public Optional<DeviceSnapshot> device(String deviceId) {
    return Optional.ofNullable(devices.get(deviceId));
  }

  /** True once the view has read the topic up to the end offsets it saw when it started. */
  public boolean isReady() {
    return ready;
  }

  /** Number of devices held. */
  public int size() {
    return devices.size();
  }

  /**
   * Calls {@code listener} with the device id after the device's entry changed or was removed, on
   * the thread applying records; the listener must return quickly.
   */
  public void onChange(Consumer<String> listener) {
    listeners.add(listener);
  }

  void markReady() {
    ready = true;
  }

  /** Applies one record of the topic: a snapshot, or a tombstone ({@code null}). */
  void apply(String deviceId, @Nullable DeviceSnapshot snapshot) {
    boolean changed =
        snapshot == null ? devices.remove(deviceId) != null : replaceIfNewer(deviceId, snapshot);
    if (changed) {
      listeners.forEach(listener -> listener.accept(deviceId));
    }
  }

  private boolean replaceIfNewer(String deviceId, DeviceSnapshot snapshot) {
    boolean[] changed = {false};
    devices.compute(
        deviceId,
        (id, current) -> {
          if (current != null && current.version() >= snapshot.version()) {
            return current; // a redelivery or an older record: at-least-once delivery
          }
          if (current == null && devices.size() >= maxDevices) {
            log.error("Device view is full ({} devices): {} is not admitted", maxDevices, id);
            return null;
          }
          changed[0] = true;
          return snapshot;
        });
    return changed[0];
  }
}
