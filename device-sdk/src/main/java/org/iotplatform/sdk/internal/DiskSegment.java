package org.iotplatform.sdk.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One append-only segment file of an on-disk buffer, named by the position of its first message
 * ({@code 00000000000000000042.segment}), so the files sort in message order. Writes go straight to
 * the operating system (no buffer in the process), so a returned append survives a crash of the
 * process; {@link #force} makes it survive a crash of the operating system. Not thread-safe.
 */
final class DiskSegment {

  private static final String SUFFIX = ".segment";
  private static final Pattern NAME = Pattern.compile("\\d{20}" + Pattern.quote(SUFFIX));

  private final Path path;
  private final long firstPosition;
  private final FileChannel channel;
  private long size;
  private long nextPosition;

  private DiskSegment(Path path, long firstPosition, FileChannel channel, long size) {
    this.path = path;
    this.firstPosition = firstPosition;
    this.channel = channel;
    this.size = size;
    this.nextPosition = firstPosition;
  }

  /** A new, empty segment whose first message will have {@code firstPosition}. */
  static DiskSegment create(Path directory, long firstPosition) throws IOException {
    Path path = directory.resolve(String.format("%020d%s", firstPosition, SUFFIX));
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    return new DiskSegment(path, firstPosition, channel, 0);
  }

  /** An existing segment file; {@link #recovered} tells it which messages it holds. */
  static DiskSegment openExisting(Path path) throws IOException {
    long first = firstPositionOf(path).orElseThrow(() -> new IOException("not a segment " + path));
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    return new DiskSegment(path, first, channel, channel.size());
  }

  /** The first position a segment file's name gives, or empty if it is not a segment file. */
  static OptionalLong firstPositionOf(Path file) {
    String name = file.getFileName().toString();
    return NAME.matcher(name).matches()
        ? OptionalLong.of(Long.parseLong(name.substring(0, 20)))
        : OptionalLong.empty();
  }

  Path path() {
    return path;
  }

  long firstPosition() {
    return firstPosition;
  }

  /** The position the next record appended here must have. */
  long nextPosition() {
    return nextPosition;
  }

  long size() {
    return size;
  }

  /** Writes a record at the end; returns its offset. A failed write is cut off again. */
  long append(ByteBuffer record) throws IOException {
    long offset = size;
    try {
      while (record.hasRemaining()) {
        channel.write(record, offset + record.position());
      }
    } catch (IOException e) {
      channel.truncate(offset);
      throw e;
    }
    size = offset + record.limit();
    nextPosition++;
    return offset;
  }

  /** Exactly {@code length} bytes from {@code offset}. */
  ByteBuffer read(long offset, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, offset + buffer.position()) < 0) {
        throw new EOFException(path + " ends before " + (offset + length));
      }
    }
    return buffer.flip();
  }

  /** After a scan at open: the file keeps its first {@code validSize} bytes, up to {@code next}. */
  void recovered(long validSize, long next) throws IOException {
    if (validSize < size) {
      channel.truncate(validSize);
      size = validSize;
    }
    nextPosition = next;
  }

  void force() throws IOException {
    channel.force(false);
  }

  void close() throws IOException {
    channel.close();
  }

  /** Closes after a failure that is reported otherwise. */
  void closeQuietly() {
    try {
      channel.close();
    } catch (IOException e) {
      // the failure that made the caller give up is the one to report
    }
  }

  void closeAndDelete() throws IOException {
    channel.close();
    Files.deleteIfExists(path);
  }
}
