package org.iotplatform.alerts.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The service's clock in tests: the system clock until a test {@link #freeze()}s it, after which
 * time moves only when the test {@link #advance}s it; {@link #release()} goes back to the system
 * clock. Group windows and back-offs then end when the test says, not when the machine gets to it.
 */
public final class TestClock extends Clock {

  private volatile @Nullable Instant frozen;

  public void freeze() {
    frozen = Instant.now();
  }

  public void advance(Duration duration) {
    Instant now = frozen;
    if (now == null) {
      throw new IllegalStateException("freeze() the clock first");
    }
    frozen = now.plus(duration);
  }

  public void release() {
    frozen = null;
  }

  @Override
  public Instant instant() {
    Instant now = frozen;
    return now == null ? Instant.now() : now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the test clock is UTC only");
  }
}
