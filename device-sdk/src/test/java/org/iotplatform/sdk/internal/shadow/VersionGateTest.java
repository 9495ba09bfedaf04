package org.iotplatform.sdk.internal.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionGateTest {

  private final VersionGate underTest = new VersionGate();

  @Test
  void admitsGrowingVersions() {
    assertThat(underTest.admit(3)).isTrue();
    assertThat(underTest.admit(5)).isTrue();
    assertThat(underTest.highest()).isEqualTo(5);
  }

  @Test
  void refusesADeltaOlderThanAVersionSeenInAnAnswer() {
    underTest.seen(10);

    assertThat(underTest.admit(9)).isFalse();
    assertThat(underTest.admit(11)).isTrue();
  }

  @Test
  void refusesADeltaOlderThanAnAdmittedOne() {
    underTest.admit(7);

    assertThat(underTest.admit(6)).isFalse();
  }

  @Test
  void admitsAVersionOnlyOnceWhenItIsDeliveredTwice() {
    assertThat(underTest.admit(4)).isTrue();
    assertThat(underTest.admit(4)).isFalse();
  }

  @Test
  void admitsADeltaOfTheVersionAnAnswerShowedWithoutIt() {
    // A report that left part of the desired state unreported: the same version, a real delta.
    underTest.seen(8);

    assertThat(underTest.admit(8)).isTrue();
  }

  @Test
  void anOlderAnswerDoesNotLowerTheHighestVersion() {
    underTest.seen(12);
    underTest.seen(3);

    assertThat(underTest.highest()).isEqualTo(12);
  }
}
