package org.iotplatform.sdk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.iotplatform.sdk.InvalidConfigurationException;
import org.iotplatform.sdk.OfflineBuffer.Overflow;
import org.iotplatform.sdk.OfflineBufferFullException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MessageStore} in append-only segment files under one directory, bounded by bytes: the
 * records of every message from the oldest unreleased one to the newest count against {@code
 * maxBytes} (the files may hold up to one segment more, the released part of the oldest segment).
 *
 * <p>Guarantees: an append has reached the operating system when it returns, so it survives a crash
 * of the process; with {@code syncEveryWrite} it has also been forced to the storage device, so it
 * survives a crash of the operating system or a power cut. Without it, such a crash may lose the
 * last appends; a record torn by any crash is detected by its CRC and cut at the next open.
 * Releases are remembered in the {@code head} file (see {@link DiskHead}): after a clean close,
 * reopening the directory yields exactly the unreleased messages in order with their positions;
 * after a crash a few released messages may come back too (delivery is at least once). Appends
 * continue after the highest position. One open store per directory (a file lock); thread-safe (one
 * lock).
 */
final class DiskMessageStore implements MessageStore {

  private static final long MAX_SEGMENT_BYTES = 1024 * 1024;

  private final long maxBytes;
  private final long segmentBytes;
  private final Overflow overflow;
  private final boolean syncEveryWrite;
  private final Path directory;
  private final DiskLock lock;
  private final DiskHead head;
  private final ArrayDeque<DiskSegment> segments;

  /** Slot {@code i} indexes the message at {@code headPosition + i}. */
  private final MemoryRing<DiskEntry> held;

  private long headPosition;
  private long heldBytes;
  private long unreleased;
  private boolean closed;

  private DiskMessageStore(
      Path directory,
      long maxBytes,
      Overflow overflow,
      boolean syncEveryWrite,
      DiskLock lock,
      DiskHead head,
      DiskRecovery.Recovered recovered) {
    this.directory = directory;
    this.maxBytes = maxBytes;
    this.segmentBytes = Math.min(MAX_SEGMENT_BYTES, maxBytes / 4);
    this.overflow = overflow;
    this.syncEveryWrite = syncEveryWrite;
    this.lock = lock;
    this.head = head;
    this.segments = recovered.segments();
    this.held = recovered.held();
    this.headPosition = recovered.headPosition();
    this.heldBytes = recovered.heldBytes();
    this.unreleased = recovered.unreleased();
  }

  /**
   * Opens the store in {@code directory}, creating it if missing, and recovers its messages.
   *
   * @throws InvalidConfigurationException if the directory cannot be created or written, or another
   *     client has it open
   */
  static DiskMessageStore open(
      Path directory, long maxBytes, Overflow overflow, boolean syncEveryWrite) {
    DiskLock lock = DiskLock.claim(directory);
    DiskHead head = null;
    try {
      head = DiskHead.open(directory);
      DiskRecovery.Recovered recovered = DiskRecovery.recover(directory, head.read());
      DiskMessageStore store =
          new DiskMessageStore(
              directory, maxBytes, overflow, syncEveryWrite, lock, head, recovered);
      store.persistHead();
      return store;
    } catch (IOException | RuntimeException e) {
      closeQuietly(head);
      lock.close();
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new InvalidConfigurationException(
          "cannot use the offline buffer directory " + directory + ": " + e, e);
    }
  }

  @Override
  public synchronized Appended append(String subtopic, int qos, byte[] payload) {
    checkOpen();
    byte[] topic = DiskRecord.subtopicBytes(subtopic);
    long length = DiskRecord.size(topic, payload);
    if (length > maxBytes || length > Integer.MAX_VALUE) {
      throw new OfflineBufferFullException(
          "a message of " + length + " bytes does not fit into the offline buffer of " + maxBytes);
    }
    List<Long> dropped = List.of();
    if (heldBytes + length > maxBytes) {
      if (overflow == Overflow.REJECT_NEW) {
        throw new OfflineBufferFullException(
            "the offline buffer holds " + heldBytes + " of " + maxBytes + " bytes");
      }
      dropped = new ArrayList<>(1);
      while (heldBytes + length > maxBytes) {
        // The head is always unreleased (released ones are trimmed), so this drops a message.
        dropped.add(headPosition);
        markReleased(0);
        trimReleasedHead();
      }
    }
    long position = nextPosition();
    try {
      DiskSegment segment = segmentFor(position, length);
      long offset = segment.append(DiskRecord.encode(position, topic, qos, payload));
      if (syncEveryWrite) {
        segment.force();
      }
      held.addLast(new DiskEntry(segment, offset, (int) length, false));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the offline buffer in " + directory, e);
    }
    heldBytes += length;
    unreleased++;
    return new Appended(new StoredMessage(position, subtopic, qos, payload), dropped);
  }

  @Override
  public synchronized List<StoredMessage> read(long fromPosition, int max) {
    checkOpen();
    List<StoredMessage> found = new ArrayList<>(Math.min(Math.max(max, 0), held.size()));
    long start = Math.max(fromPosition, headPosition) - headPosition;
    try {
      for (long i = start; i < held.size() && found.size() < max; i++) {
        DiskEntry entry = held.get((int) i);
        if (entry != null && !entry.released()) {
          found.add(readMessage(entry, headPosition + i));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the offline buffer in " + directory, e);
    }
    return found;
  }

  @Override
  public synchronized void release(long position) {
    long index = position - headPosition;
    if (closed || index < 0 || index >= held.size() || isReleased((int) index)) {
      return;
    }
    markReleased((int) index);
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
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (DiskSegment segment : segments) {
        segment.force();
        segment.close();
      }
      persistHead();
      head.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the offline buffer in " + directory, e);
    } finally {
      lock.close();
    }
  }

  private DiskSegment segmentFor(long position, long length) throws IOException {
    DiskSegment last = segments.peekLast();
    if (last == null
        || last.nextPosition() != position
        || (last.size() > 0 && last.size() + length > segmentBytes)) {
      if (last != null && syncEveryWrite) {
        last.force();
      }
      last = DiskSegment.create(directory, position);
      segments.addLast(last);
      if (syncEveryWrite) {
        forceDirectory(); // the new file's name must survive a power cut too, not only its bytes
      }
    }
    return last;
  }

  private void forceDirectory() throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  private StoredMessage readMessage(DiskEntry entry, long position) throws IOException {
    StoredMessage message =
        DiskRecord.decode(entry.segment().read(entry.offset(), entry.length()), position);
    if (message == null) {
      throw new IOException(
          "damaged record of message " + position + " in " + entry.segment().path());
    }
    return message;
  }

  private boolean isReleased(int index) {
    DiskEntry entry = held.get(index);
    return entry == null || entry.released();
  }

  private void markReleased(int index) {
    DiskEntry entry = held.get(index);
    if (entry != null) {
      held.set(index, entry.asReleased());
      unreleased--;
    }
  }

  /** Lets released messages leave from the head, persists the head, deletes passed segments. */
  private void trimReleasedHead() {
    long before = headPosition;
    while (!held.isEmpty() && isReleased(0)) {
      DiskEntry entry = held.removeFirst();
      heldBytes -= entry == null ? 0 : entry.length();
      headPosition++;
    }
    if (headPosition == before) {
      return;
    }
    try {
      head.write(headPosition);
      while (segments.size() > 1 && segments.getFirst().nextPosition() <= headPosition) {
        segments.removeFirst().closeAndDelete();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the offline buffer in " + directory, e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the offline buffer in " + directory + " is closed");
    }
  }

  /** Writes the head and the positions released out of order behind it, and forces them. */
  private void persistHead() throws IOException {
    long[] releasedAfter = new long[(int) (held.size() - unreleased)];
    int found = 0;
    for (int i = 0; i < held.size() && found < releasedAfter.length; i++) {
      if (isReleased(i)) {
        releasedAfter[found++] = headPosition + i;
      }
    }
    head.writeAndForce(headPosition, releasedAfter);
  }

  private static void closeQuietly(@Nullable DiskHead head) {
    if (head != null) {
      try {
        head.close();
      } catch (IOException e) {
        // the store failed to open; its cause is the error to report
      }
    }
  }
}
