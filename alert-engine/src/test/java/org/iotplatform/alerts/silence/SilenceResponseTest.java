package org.iotplatform.alerts.silence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SilenceResponseTest {

  private static final Instant START = Instant.parse("2026-11-22T22:00:00Z");
  private static final Instant END = Instant.parse("2026-11-23T02:00:00Z");

  @Test
  void coversTheListedDevicesOfAnyRuleDuringItsWindow() {
    SilenceResponse underTest = silence(new SilenceScope(List.of("d-1", "d-2"), null, null));

    assertThat(underTest.covers("any-rule", "d-2", START.plusSeconds(60))).isTrue();
    assertThat(underTest.covers("any-rule", "d-3", START.plusSeconds(60))).isFalse();
  }

  @Test
  void coversEveryDeviceOfItsRuleOnly() {
    SilenceResponse underTest = silence(new SilenceScope(List.of(), null, "rule-1"));

    assertThat(underTest.covers("rule-1", "whatever", START)).isTrue();
    assertThat(underTest.covers("rule-2", "whatever", START)).isFalse();
  }

  @Test
  void coversAGroupThroughTheMembersResolvedAtCreation() {
    SilenceResponse underTest = silence(new SilenceScope(List.of("g-1"), "cold-room", null));

    assertThat(underTest.covers("r", "g-1", START)).isTrue();
    assertThat(underTest.covers("r", "cold-room", START)).isFalse();
  }

  @Test
  void startsInclusiveAndEndsExclusive() {
    SilenceResponse underTest = silence(new SilenceScope(List.of("d-1"), null, null));

    assertThat(underTest.covers("r", "d-1", START.minusMillis(1))).isFalse();
    assertThat(underTest.covers("r", "d-1", START)).isTrue();
    assertThat(underTest.covers("r", "d-1", END.minusMillis(1))).isTrue();
    assertThat(underTest.covers("r", "d-1", END)).isFalse();
  }

  private static SilenceResponse silence(SilenceScope scope) {
    return new SilenceResponse(
        UUID.randomUUID(), START, END, scope, "maintenance", "ops", START.minusSeconds(3600));
  }
}
