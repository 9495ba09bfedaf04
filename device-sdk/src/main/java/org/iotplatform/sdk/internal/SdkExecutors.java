package org.iotplatform.sdk.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/** The executor device clients share unless they are given their own. */
final class SdkExecutors {

  private SdkExecutors() {}

  private static final class Holder {
    // Daemon threads: a device program ends when its main thread does, as with a plain client.
    static final ScheduledExecutorService SHARED = create();

    private static ScheduledExecutorService create() {
      AtomicInteger count = new AtomicInteger();
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              2,
              task -> {
                Thread thread = new Thread(task, "iot-sdk-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }

  static ScheduledExecutorService shared() {
    return Holder.SHARED;
  }
}
