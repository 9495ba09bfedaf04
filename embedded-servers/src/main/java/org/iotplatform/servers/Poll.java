package org.iotplatform.servers;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A bounded poll loop for readiness checks of servers and processes, so that main code needs no
 * test library.
 */
public final class Poll {

  private static final Duration PAUSE = Duration.ofMillis(50);

  private Poll() {}

  /**
   * Polls {@code ready} until it returns true; returns false when {@code timeout} passes first or
   * {@code givenUp} returns true.
   */
  public static boolean until(Duration timeout, BooleanSupplier ready, BooleanSupplier givenUp) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (ready.getAsBoolean()) {
        return true;
      }
      if (givenUp.getAsBoolean() || System.nanoTime() - deadline > 0) {
        return false;
      }
      pause();
    }
  }

  /** Polls {@code ready} until it returns true; false when {@code timeout} passes first. */
  public static boolean until(Duration timeout, BooleanSupplier ready) {
    return until(timeout, ready, () -> false);
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("interrupted while waiting for a server to start", e);
    }
  }
}
