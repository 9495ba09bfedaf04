package org.iotplatform.bridge.internal.limits;

/**
 * One device's token bucket: it holds up to {@code burst} tokens, refills at {@code perSecond}
 * tokens a second, and a publish takes one. Thread-safe (a device's publishes may arrive on several
 * broker threads).
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final double perNano;
  private final double burst;
  private double tokens;
  private long refilledAt;

  /** A full bucket at {@code nowNanos}. */
  TokenBucket(int perSecond, int burst, long nowNanos) {
    this.perNano = perSecond / NANOS_PER_SECOND;
    this.burst = burst;
    this.tokens = burst;
    this.refilledAt = nowNanos;
  }

  /** Takes a token if there is one at {@code nowNanos} ({@link System#nanoTime()} scale). */
  synchronized boolean tryTake(long nowNanos) {
    long elapsed = nowNanos - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * perNano);
      refilledAt = nowNanos;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
