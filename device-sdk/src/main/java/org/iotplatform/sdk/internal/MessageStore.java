package org.iotplatform.sdk.internal;

import java.io.Closeable;
import java.util.List;
import org.iotplatform.sdk.OfflineBufferFullException;

/**
 * The ordered, bounded store behind a device client's offline buffer. A message stays in it from
 * {@link #append} until it is {@link #release released} (acknowledged or refused for good);
 * released messages leave from the head, so the store keeps everything from the oldest unreleased
 * message on. Thread-safe.
 */
public interface MessageStore extends Closeable {

  /**
   * Appends a message after all others.
   *
   * @return the new message and the positions of the oldest messages dropped to make room for it
   *     (with {@code DROP_OLDEST}; dropped messages are gone as if released)
   * @throws OfflineBufferFullException with {@code REJECT_NEW} when it does not fit, or when the
   *     message alone is larger than the whole store
   */
  Appended append(String subtopic, int qos, byte[] payload);

  /**
   * Up to {@code max} unreleased messages with a position of at least {@code fromPosition}, in
   * order. Does not remove them.
   */
  List<StoredMessage> read(long fromPosition, int max);

  /**
   * Marks the message at {@code position} as done. Messages leave the store once every message
   * before them is done too; releasing an unknown or already released position does nothing.
   */
  void release(long position);

  /** Unreleased messages held. */
  long size();

  /** The position the next appended message gets. */
  long nextPosition();

  /** Flushes and closes; an on-disk store keeps its unreleased messages for the next open. */
  @Override
  void close();

  /**
   * The result of an append.
   *
   * @param message the appended message
   * @param dropped positions of messages dropped to make room, oldest first
   */
  record Appended(StoredMessage message, List<Long> dropped) {}
}
