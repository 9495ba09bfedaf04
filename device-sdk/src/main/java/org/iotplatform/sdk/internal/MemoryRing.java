package org.iotplatform.sdk.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growable ring of slots with index access, the bookkeeping of both message stores: slot {@code
 * i} holds the message at position {@code head + i}. It starts without an array and doubles when
 * full, so an idle device of a 10,000-device simulator costs a few bytes; it gives its array back
 * when it runs empty. Not thread-safe: the stores guard it.
 *
 * @param <T> what a slot holds; {@code null} marks a slot whose message was released
 */
final class MemoryRing<T> {

  private static final Object[] EMPTY = {};
  private static final int FIRST_CAPACITY = 8;

  /** Above this an emptied ring gives its array back. */
  private static final int KEPT_CAPACITY = 64;

  private Object[] slots = EMPTY;
  private int first;
  private int count;

  int size() {
    return count;
  }

  boolean isEmpty() {
    return count == 0;
  }

  void addLast(@Nullable T value) {
    if (count == slots.length) {
      grow();
    }
    slots[(first + count) % slots.length] = value;
    count++;
  }

  @SuppressWarnings("unchecked")
  @Nullable T get(int index) {
    checkIndex(index);
    return (T) slots[(first + index) % slots.length];
  }

  void set(int index, @Nullable T value) {
    checkIndex(index);
    slots[(first + index) % slots.length] = value;
  }

  /** Removes the first slot and returns what it held. */
  @Nullable T removeFirst() {
    T value = get(0);
    slots[first] = null;
    first = (first + 1) % slots.length;
    count--;
    if (count == 0) {
      first = 0;
      if (slots.length > KEPT_CAPACITY) {
        slots = EMPTY;
      }
    }
    return value;
  }

  private void grow() {
    Object[] bigger = new Object[Math.max(FIRST_CAPACITY, slots.length * 2)];
    for (int i = 0; i < count; i++) {
      bigger[i] = slots[(first + i) % slots.length];
    }
    Arrays.fill(slots, null);
    slots = bigger;
    first = 0;
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException(index + " of " + count);
    }
  }
}
