package org.iotplatform.bridge.internal.forwarding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The bytes of records handed to Kafka and not yet acknowledged, bounded. A record either fits now
 * or (QoS 1 and 2) waits, first come first served, until releases make room; nobody blocks a thread
 * waiting. A record larger than the bound still goes alone, when nothing else is in flight, so no
 * waiter waits for ever. Thread-safe.
 *
 * <p>Waiters are bounded by the broker: each client has at most its receive maximum of QoS 1 and 2
 * publishes unacknowledged.
 */
final class InFlight {

  private final long maxBytes;
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>(); // guarded by this
  private long bytes; // guarded by this
  private int records; // guarded by this
  private long peakBytes; // guarded by this

  InFlight(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** What a record weighs here: key, value and headers, the bytes the bridge holds for it. */
  static long weight(ProducerRecord<byte[], byte[]> record) {
    long weight = record.value() == null ? 0 : record.value().length;
    if (record.key() != null) {
      weight += record.key().length;
    }
    for (Header header : record.headers()) {
      weight += header.key().length() + (header.value() == null ? 0 : header.value().length);
    }
    return weight;
  }

  /** Takes room for {@code weight} bytes if there is some now and nobody waits; else false. */
  synchronized boolean tryAcquire(long weight) {
    if (!waiters.isEmpty() || !fits(weight)) {
      return false;
    }
    take(weight);
    return true;
  }

  /**
   * Takes room for {@code weight} bytes and runs {@code granted}: at once on this thread if there
   * is room and nobody waits, else later on the thread of the {@link #release} that made room.
   * {@code granted} must be quick and must eventually lead to a {@link #release} of the weight.
   */
  void acquire(long weight, Runnable granted) {
    synchronized (this) {
      if (!waiters.isEmpty() || !fits(weight)) {
        waiters.add(new Waiter(weight, granted));
        return;
      }
      take(weight);
    }
    granted.run();
  }

  /** Gives back room for {@code weight} bytes and lets in the waiters that now fit. */
  void release(long weight) {
    List<Runnable> granted = new ArrayList<>();
    synchronized (this) {
      bytes -= weight;
      records--;
      while (!waiters.isEmpty() && fits(waiters.peek().weight())) {
        Waiter next = waiters.poll();
        take(next.weight());
        granted.add(next.granted());
      }
    }
    // Outside the lock: a grant may release at once.
    granted.forEach(Runnable::run);
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized int records() {
    return records;
  }

  synchronized int waiting() {
    return waiters.size();
  }

  /** The most bytes ever in flight at once. */
  synchronized long peakBytes() {
    return peakBytes;
  }

  long maxBytes() {
    return maxBytes;
  }

  private boolean fits(long weight) {
    return records == 0 || bytes + weight <= maxBytes;
  }

  private void take(long weight) {
    bytes += weight;
    records++;
    peakBytes = Math.max(peakBytes, bytes);
  }

  private record Waiter(long weight, Runnable granted) {}
}
