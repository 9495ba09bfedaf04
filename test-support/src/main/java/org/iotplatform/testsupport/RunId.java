package org.iotplatform.testsupport;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Makes names unique per call within a JVM, and per JVM through a random run id. */
final class RunId {

  private static final String RUN =
      Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
  private static final AtomicLong COUNTER = new AtomicLong();

  private RunId() {}

  /** {@code <run id>-<sequence number>}, for example {@code k3x9a-7}. */
  static String next() {
    return RUN + "-" + COUNTER.incrementAndGet();
  }
}
