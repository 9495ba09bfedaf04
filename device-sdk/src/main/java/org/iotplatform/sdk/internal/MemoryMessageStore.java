package org.iotplatform.sdk.internal;

import java.util.ArrayList;
import java.util.List;
import org.iotplatform.sdk.OfflineBuffer.Overflow;
import org.iotplatform.sdk.OfflineBufferFullException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MessageStore} in memory, bounded by a number of messages. Everything in it is lost when
 * the process ends. The bound counts every message from the oldest unreleased one to the newest,
 * including messages released out of order behind it: they keep their place until the head passes
 * them, so memory stays bounded even when the oldest message is never acknowledged. Its array grows
 * only as messages arrive, so an idle instance is cheap. Thread-safe (one lock).
 */
final class MemoryMessageStore implements MessageStore {

  private final int maxMessages;
  private final Overflow overflow;

  /** Slot {@code i} holds the message at {@code headPosition + i}, or null once released. */
  private final MemoryRing<StoredMessage> held = new MemoryRing<>();

  private long headPosition;
  private long unreleased;
  private boolean closed;

  MemoryMessageStore(int maxMessages, Overflow overflow) {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1, not " + maxMessages);
    }
    this.maxMessages = maxMessages;
    this.overflow = overflow;
  }

  @Override
  public synchronized Appended append(String subtopic, int qos, byte[] payload) {
    checkOpen();
    List<Long> dropped = List.of();
    if (held.size() >= maxMessages) {
      if (overflow == Overflow.REJECT_NEW) {
        throw new OfflineBufferFullException(
            "the offline buffer holds " + maxMessages + " messages and refuses new ones");
      }
      dropped = new ArrayList<>(1);
      while (held.size() >= maxMessages) {
        // The head is always unreleased (released ones are trimmed), so this drops a message.
        dropped.add(headPosition);
        held.set(0, null);
        unreleased--;
        trimReleasedHead();
      }
    }
    StoredMessage message = new StoredMessage(headPosition + held.size(), subtopic, qos, payload);
    held.addLast(message);
    unreleased++;
    return new Appended(message, dropped);
  }

  @Override
  public synchronized List<StoredMessage> read(long fromPosition, int max) {
    List<StoredMessage> found = new ArrayList<>(Math.min(Math.max(max, 0), held.size()));
    long start = Math.max(fromPosition, headPosition) - headPosition;
    for (long i = start; i < held.size() && found.size() < max; i++) {
      StoredMessage message = held.get((int) i);
      if (message != null) {
        found.add(message);
      }
    }
    return found;
  }

  @Override
  public synchronized void release(long position) {
    long index = position - headPosition;
    if (index < 0 || index >= held.size() || held.get((int) index) == null) {
      return;
    }
    held.set((int) index, null);
    unreleased--;
    trimReleasedHead();
  }

  @Override
  public synchronized long size() {
    return unreleased;
  }

  @Override
  public synchronized long nextPosition() {
    return headPosition + held.size();
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void trimReleasedHead() {
    while (!held.isEmpty() && isReleased(held.get(0))) {
      held.removeFirst();
      headPosition++;
    }
  }

  private static boolean isReleased(@Nullable StoredMessage slot) {
    return slot == null;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the offline buffer is closed");
    }
  }
}
