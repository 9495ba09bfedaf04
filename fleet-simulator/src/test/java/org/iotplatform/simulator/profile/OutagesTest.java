package org.iotplatform.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutagesTest {

  private static final Duration TICK = Duration.ofSeconds(10);

  @Test
  void startsOutagesAtAboutTheSetRateAndWithinTheBounds() {
    SignalSettings settings =
        new SignalSettings(0, 0.5, Duration.ofMinutes(1), Duration.ofMinutes(5));
    Outages underTest = Outages.of("dev-1", 9, settings);
    List<Duration> outages = new ArrayList<>();
    for (int tick = 0; tick < 100_000; tick++) { // 277.8 hours: 139 expected
      Duration outage = underTest.next(TICK);
      if (outage != null) {
        outages.add(outage);
      }
    }
    assertThat(outages).hasSizeBetween(100, 180);
    assertThat(outages)
        .allMatch(outage -> outage.compareTo(Duration.ofMinutes(1)) >= 0)
        .allMatch(outage -> outage.compareTo(Duration.ofMinutes(5)) <= 0);
  }

  @Test
  void neverStartsOneWhenTheRateIsZero() {
    Outages underTest = Outages.of("dev-1", 9, SignalSettings.QUIET);
    for (int tick = 0; tick < 10_000; tick++) {
      assertThat(underTest.next(TICK)).isNull();
    }
  }
}
