package org.iotplatform.sdk.shadow;

import java.time.Duration;
import org.iotplatform.sdk.InvalidConfigurationException;

/**
 * How long a shadow request waits for its answer and how often it is sent.
 *
 * @param timeout how long each attempt waits for the answer, counted from the platform's
 *     acknowledgement of the request (time spent in the offline buffer does not count)
 * @param attempts how many times a request is sent at most, the first time included
 */
public record ShadowRetry(Duration timeout, int attempts) {

  /** The default: 10 s per attempt, 3 attempts. */
  public static final ShadowRetry DEFAULT = new ShadowRetry(Duration.ofSeconds(10), 3);

  public ShadowRetry {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidConfigurationException("the shadow request timeout must be positive");
    }
    if (attempts < 1) {
      throw new InvalidConfigurationException("a shadow request is sent at least once");
    }
  }
}
