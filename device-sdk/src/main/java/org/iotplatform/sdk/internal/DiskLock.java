package org.iotplatform.sdk.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.iotplatform.sdk.InvalidConfigurationException;

/**
 * Claims an on-disk buffer's directory for one store: creates it if missing and holds an exclusive
 * lock on its {@code lock} file until closed. Two clients appending to one directory would
 * interleave their records and each lose the other's; the operating system frees the lock when the
 * process dies, so a crash never leaves the directory claimed.
 */
final class DiskLock implements AutoCloseable {

  private static final String FILE_NAME = "lock";

  private final FileChannel channel;

  private DiskLock(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * @throws InvalidConfigurationException naming the directory if it cannot be created or written,
   *     or another store (in this process or another) holds it
   */
  static DiskLock claim(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "cannot create the offline buffer directory " + directory + ": " + e, e);
    }
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "cannot write to the offline buffer directory " + directory + ": " + e, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException | IOException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new InvalidConfigurationException(
          "the offline buffer directory "
              + directory
              + " is in use by another client; give each device client its own directory");
    }
    return new DiskLock(channel);
  }

  /** Releases the lock. */
  @Override
  public void close() {
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // closing the channel frees the lock even when it reports a failure
    }
  }
}
