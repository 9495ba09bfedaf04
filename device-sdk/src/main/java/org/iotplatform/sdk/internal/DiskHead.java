package org.iotplatform.sdk.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The small file {@code head}: the position of the oldest unreleased message, the positions after
 * it that were released out of order, and a CRC32 of both. While the store is open only the head is
 * rewritten in place, whenever it moves, and not forced; on close the whole state is written and
 * forced. So a clean close and reopen gives back exactly the unreleased messages, while after a
 * crash a few released messages may come back (at least once); a torn write fails the CRC and then
 * every message still in the segments comes back.
 */
final class DiskHead implements AutoCloseable {

  static final String FILE_NAME = "head";
  private static final long[] NONE = {};

  private final FileChannel channel;

  private DiskHead(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * What the file holds.
   *
   * @param position the oldest unreleased message's position
   * @param releasedAfter positions after it released out of order
   */
  record Stored(long position, long[] releasedAfter) {}

  static DiskHead open(Path directory) throws IOException {
    return new DiskHead(
        FileChannel.open(
            directory.resolve(FILE_NAME),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE));
  }

  /** What is stored, or empty if nothing was written or it is damaged. */
  Optional<Stored> read() throws IOException {
    long size = channel.size();
    if (size < 8 + 4 + 4) {
      return Optional.empty();
    }
    ByteBuffer file = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE));
    while (file.hasRemaining() && channel.read(file, file.position()) >= 0) {
      // reads the whole file; it is small
    }
    long position = file.getLong(0);
    int count = file.getInt(8);
    long length = 8 + 4 + 8L * count;
    if (count < 0 || length + 4 > file.capacity()) {
      return Optional.empty();
    }
    if (file.getInt((int) length) != crc(file.array(), (int) length)) {
      return Optional.empty();
    }
    long[] released = new long[count];
    for (int i = 0; i < count; i++) {
      released[i] = file.getLong(12 + 8 * i);
    }
    return Optional.of(new Stored(position, released));
  }

  /** Overwrites the head; any later bytes of the file are ignored on read. */
  void write(long position) throws IOException {
    write(position, NONE);
  }

  /** Writes the whole state, cuts the rest of the file and forces it. */
  void writeAndForce(long position, long[] releasedAfter) throws IOException {
    long length = write(position, releasedAfter);
    channel.truncate(length);
    channel.force(false);
  }

  private long write(long position, long[] releasedAfter) throws IOException {
    int length = 8 + 4 + 8 * releasedAfter.length;
    ByteBuffer buffer = ByteBuffer.allocate(length + 4).putLong(position);
    buffer.putInt(releasedAfter.length);
    for (long released : releasedAfter) {
      buffer.putLong(released);
    }
    buffer.putInt(crc(buffer.array(), length)).flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer, buffer.position());
    }
    return length + 4;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
