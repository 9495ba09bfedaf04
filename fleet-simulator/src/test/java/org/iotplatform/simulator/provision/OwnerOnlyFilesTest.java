package org.iotplatform.simulator.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

  @TempDir Path dir;

  @Test
  void threadsCreatingTheSameDirectoryAtOnceAllGetIt() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 50; round++) {
        Path shared = dir.resolve("registry-" + round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Path>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return OwnerOnlyFiles.directory(shared);
                  }));
        }
        start.countDown();
        for (Future<Path> result : results) {
          assertThat(result.get()).isEqualTo(shared);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
            .isEqualTo("rwx------");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
