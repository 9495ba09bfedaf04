package org.iotplatform.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.iotplatform.sdk.OfflineBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageStoresTest {

  @TempDir Path directory;

  @Test
  void opensAStoreInMemoryForAnInMemoryBuffer() {
    try (MessageStore underTest = MessageStores.open(OfflineBuffer.inMemory(5))) {
      assertThat(underTest).isInstanceOf(MemoryMessageStore.class);
    }
  }

  @Test
  void opensAStoreOnDiskCreatingItsDirectory() {
    Path device = directory.resolve("devices/d-1");

    try (MessageStore underTest = MessageStores.open(OfflineBuffer.onDisk(device, 64 * 1024))) {
      assertThat(underTest).isInstanceOf(DiskMessageStore.class);
      underTest.append("telemetry", 1, new byte[] {1});
    }

    assertThat(device.resolve("head")).exists();
    try (MessageStore reopened = MessageStores.open(OfflineBuffer.onDisk(device, 64 * 1024))) {
      assertThat(reopened.size()).isEqualTo(1);
    }
  }
}
