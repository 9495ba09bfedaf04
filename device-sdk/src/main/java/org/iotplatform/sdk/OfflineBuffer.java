package org.iotplatform.sdk;

import java.nio.file.Path;

/**
 * Where a device keeps the messages it could not send yet: while it is offline, and until the
 * platform acknowledged them. The buffer keeps their order and is drained on reconnect, oldest
 * first. It is bounded: what happens when it is full is its {@link Overflow} policy.
 */
public sealed interface OfflineBuffer permits OfflineBuffer.InMemory, OfflineBuffer.OnDisk {

  /** The default: 10,000 messages in memory, the oldest dropped when full. */
  OfflineBuffer DEFAULT = inMemory(10_000);

  /** What happens to a new message when the buffer is full. */
  enum Overflow {
    /** The oldest message makes room (its publish fails); recent readings matter most. */
    DROP_OLDEST,
    /** The new message's publish fails; what was buffered first is kept. */
    REJECT_NEW
  }

  /** The overflow policy. */
  Overflow overflow();

  /** A buffer in memory holding at most {@code maxMessages}; lost when the process ends. */
  static InMemory inMemory(int maxMessages) {
    return new InMemory(maxMessages, Overflow.DROP_OLDEST);
  }

  /**
   * A buffer in files under {@code directory} holding at most {@code maxBytes} of messages; it
   * survives a restart of the process (messages buffered before are sent after the next connect).
   * One directory per device; it is created if missing.
   */
  static OnDisk onDisk(Path directory, long maxBytes) {
    return new OnDisk(directory, maxBytes, Overflow.DROP_OLDEST, false);
  }

  /**
   * Messages in memory.
   *
   * @param maxMessages how many messages it holds at most (at least 1)
   * @param overflow what happens when it is full
   */
  record InMemory(int maxMessages, Overflow overflow) implements OfflineBuffer {

    public InMemory {
      if (maxMessages < 1) {
        throw new InvalidConfigurationException(
            "an offline buffer holds at least 1 message, not " + maxMessages);
      }
    }

    /** This buffer with another overflow policy. */
    public InMemory withOverflow(Overflow policy) {
      return new InMemory(maxMessages, policy);
    }
  }

  /**
   * Messages in append-only files.
   *
   * @param directory the device's buffer directory
   * @param maxBytes how many bytes of messages it holds at most (at least 64 KiB)
   * @param overflow what happens when it is full
   * @param syncEveryWrite whether each message is forced to the storage device before its publish
   *     goes on (survives a power cut, costs an fsync per message); without it a message survives a
   *     crash of the process but not of the operating system
   */
  record OnDisk(Path directory, long maxBytes, Overflow overflow, boolean syncEveryWrite)
      implements OfflineBuffer {

    public OnDisk {
      if (maxBytes < 64 * 1024) {
        throw new InvalidConfigurationException(
            "an offline buffer on disk holds at least 65536 bytes, not " + maxBytes);
      }
    }

    /** This buffer with another overflow policy. */
    public OnDisk withOverflow(Overflow policy) {
      return new OnDisk(directory, maxBytes, policy, syncEveryWrite);
    }

    /** This buffer forcing every message to the storage device. */
    public OnDisk withSyncEveryWrite(boolean sync) {
      return new OnDisk(directory, maxBytes, overflow, sync);
    }
  }
}
