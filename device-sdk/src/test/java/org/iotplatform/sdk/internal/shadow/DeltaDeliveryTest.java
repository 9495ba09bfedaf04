package org.iotplatform.sdk.internal.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iotplatform.sdk.shadow.ShadowDelta;
import org.junit.jupiter.api.Test;

class DeltaDeliveryTest {

  private final VersionGate gate = new VersionGate();
  private final List<Long> delivered = new ArrayList<>();
  private final DeltaDelivery underTest = new DeltaDelivery(gate, Runnable::run);

  @Test
  void handsDeltasToTheListenerOncePerVersionAndNeverAStaleOne() {
    underTest.listener(delta -> delivered.add(delta.version()));

    underTest.offer(delta(5));
    underTest.offer(delta(5));
    underTest.offer(delta(3));
    underTest.offer(delta(6));

    assertThat(delivered).containsExactly(5L, 6L);
  }

  @Test
  void holdsTheNewestDeltaUntilAListenerIsSet() {
    underTest.offer(delta(2));
    underTest.offer(delta(4));

    underTest.listener(delta -> delivered.add(delta.version()));

    assertThat(delivered).containsExactly(4L);
  }

  @Test
  void ignoresADeltaOlderThanAVersionAnAnswerShowed() {
    underTest.listener(delta -> delivered.add(delta.version()));
    gate.seen(9);

    assertThat(underTest.offer(delta(8))).isFalse();

    assertThat(delivered).isEmpty();
  }

  @Test
  void aFailingListenerDoesNotStopLaterDeltas() {
    underTest.listener(
        delta -> {
          delivered.add(delta.version());
          throw new IllegalStateException("heater stuck");
        });

    underTest.offer(delta(1));
    underTest.offer(delta(2));

    assertThat(delivered).containsExactly(1L, 2L);
  }

  private static ShadowDelta delta(long version) {
    return new ShadowDelta(
        ShadowPayloads.JSON.createObjectNode().put("t", version), version, Instant.EPOCH);
  }
}
