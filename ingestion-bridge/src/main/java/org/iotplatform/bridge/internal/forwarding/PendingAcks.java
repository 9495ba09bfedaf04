package org.iotplatform.bridge.internal.forwarding;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * QoS 1 publishes handed to Kafka whose PUBACK the broker may not send yet, by client and packet id
 * (ADR 0024). The interceptor opens an entry before it hands the record over. Kafka's
 * acknowledgement releases the entry and removes it, so an absent entry means the PUBACK may go. A
 * failed entry is released only once its client is disconnected, so the device never sees that
 * PUBACK. The broker bounds the entries: a client has at most its receive maximum of publishes
 * unacknowledged. Thread-safe.
 */
final class PendingAcks {

  private final ConcurrentHashMap<Key, Pending> pending = new ConcurrentHashMap<>();

  /** A publish whose PUBACK waits; {@link #released} completes when it may go. */
  static final class Pending {
    private final Key key;
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private final long openedAt = System.nanoTime();

    private Pending(Key key) {
      this.key = key;
    }

    String clientId() {
      return key.clientId();
    }

    /** How long ago the entry was opened. */
    Duration age() {
      return Duration.ofNanos(System.nanoTime() - openedAt);
    }

    CompletableFuture<Void> released() {
      return released;
    }
  }

  /** Opens the entry for {@code packetId} of {@code clientId}, replacing one of a former life. */
  Pending open(String clientId, int packetId) {
    Key key = new Key(clientId, packetId);
    Pending entry = new Pending(key);
    pending.put(key, entry);
    return entry;
  }

  /** Kafka has the entry's record: its PUBACK may go. */
  void stored(Pending entry) {
    release(entry);
  }

  /** Kafka does not have the entry's record: its PUBACK may go once the client is gone. */
  void refused(Pending entry, CompletableFuture<?> disconnected) {
    disconnected.whenComplete((ignored, error) -> release(entry));
  }

  /** The entry that still holds the PUBACK for {@code packetId}, or null if it may go. */
  @Nullable Pending find(String clientId, int packetId) {
    return pending.get(new Key(clientId, packetId));
  }

  private void release(Pending entry) {
    pending.remove(entry.key, entry);
    entry.released.complete(null);
  }

  int size() {
    return pending.size();
  }

  private record Key(String clientId, int packetId) {}
}
