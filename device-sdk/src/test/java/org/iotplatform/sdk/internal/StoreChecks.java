package org.iotplatform.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Assertions and drivers both store tests share. */
final class StoreChecks {

  private StoreChecks() {}

  static List<Long> positions(List<StoredMessage> messages) {
    return messages.stream().map(StoredMessage::position).toList();
  }

  static List<String> payloads(List<StoredMessage> messages) {
    return messages.stream().map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
  }

  /** Appends {@code perThread} messages "t{thread}-{i}" from each thread; returns what is held. */
  static List<StoredMessage> appendConcurrently(MessageStore store, int threads, int perThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    store.append(
                        "telemetry", 1, ("t" + thread + "-" + i).getBytes(StandardCharsets.UTF_8));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return store.read(0, threads * perThread + 1);
  }

  /** Every thread's messages are there once, positions consecutive, each thread's in its order. */
  static void assertEveryMessageOnceInOrder(
      List<StoredMessage> stored, int threads, int perThread) {
    assertThat(stored).hasSize(threads * perThread);
    assertThat(positions(stored))
        .containsExactlyElementsOf(
            java.util.stream.LongStream.range(0, (long) threads * perThread).boxed().toList());
    Map<String, Integer> nextPerThread = new HashMap<>();
    for (String text : payloads(stored)) {
      String thread = text.substring(0, text.indexOf('-'));
      int i = Integer.parseInt(text.substring(text.indexOf('-') + 1));
      assertThat(i).as(text).isEqualTo(nextPerThread.getOrDefault(thread, 0));
      nextPerThread.put(thread, i + 1);
    }
    assertThat(nextPerThread)
        .hasSize(threads)
        .allSatisfy((t, n) -> assertThat(n).isEqualTo(perThread));
  }
}
