package org.iotplatform.sdk.internal;

import org.iotplatform.sdk.OfflineBuffer;

/** Opens the {@link MessageStore} an {@link OfflineBuffer} configuration asks for. */
public final class MessageStores {

  private MessageStores() {}

  /**
   * Opens the store; an on-disk one recovers the unreleased messages of its directory.
   *
   * @throws org.iotplatform.sdk.InvalidConfigurationException if the directory cannot be used
   */
  public static MessageStore open(OfflineBuffer buffer) {
    if (buffer instanceof OfflineBuffer.InMemory memory) {
      return new MemoryMessageStore(memory.maxMessages(), memory.overflow());
    }
    OfflineBuffer.OnDisk disk = (OfflineBuffer.OnDisk) buffer;
    return DiskMessageStore.open(
        disk.directory(), disk.maxBytes(), disk.overflow(), disk.syncEveryWrite());
  }
}
