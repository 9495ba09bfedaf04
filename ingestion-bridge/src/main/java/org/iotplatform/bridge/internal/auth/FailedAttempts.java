package org.iotplatform.bridge.internal.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Failed token checks per client (ADR 0006: failures are rate-limited per client, not cached), so
 * that guessing a known device's token cannot make the bridge run Argon2 without end. Counts only
 * failures that cost a verification: an unknown device costs nothing. A client's count is forgotten
 * {@code window} after its last failure, or at its next success. Thread-safe; at most {@value
 * #MAX_CLIENTS} clients are tracked (the least recent are forgotten first).
 */
final class FailedAttempts {

  static final int MAX_CLIENTS = 100_000;

  private final Cache<String, Integer> failures;
  private final int limit;

  FailedAttempts(int limit, Duration window) {
    this.limit = limit;
    this.failures = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterWrite(window).build();
  }

  /** True when the client failed {@code limit} times within the window. */
  boolean exhausted(String clientId) {
    Integer count = failures.getIfPresent(clientId);
    return count != null && count >= limit;
  }

  void failed(String clientId) {
    failures.asMap().merge(clientId, 1, Integer::sum);
  }

  void succeeded(String clientId) {
    failures.invalidate(clientId);
  }
}
