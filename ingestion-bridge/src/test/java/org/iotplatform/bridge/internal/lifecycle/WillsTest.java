package org.iotplatform.bridge.internal.lifecycle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WillsTest {

  private final Wills underTest = new Wills(16);

  @Test
  void keepsAWillUntilItsConnectionEnds() {
    underTest.remember("d-1", "devices/d-1/status", payload("{\"s\":0}"));

    Optional<Wills.Will> will = underTest.take("d-1");

    assertThat(will).hasValueSatisfying(w -> assertThat(w.topic()).isEqualTo("devices/d-1/status"));
    assertThat(new String(will.orElseThrow().payload(), UTF_8)).isEqualTo("{\"s\":0}");
    assertThat(underTest.take("d-1")).as("taken once").isEmpty();
    assertThat(underTest.size()).isZero();
  }

  @Test
  void aNewConnectionsWillReplacesTheOldOne() {
    underTest.remember("d-1", "devices/d-1/status", payload("old"));
    underTest.remember("d-1", "devices/d-1/status", payload("new"));

    assertThat(new String(underTest.take("d-1").orElseThrow().payload(), UTF_8)).isEqualTo("new");
  }

  @Test
  void keepsNoWillLargerThanAPublishMayBe() {
    underTest.remember("d-1", "devices/d-1/status", payload("small"));
    underTest.remember("d-1", "devices/d-1/status", payload("x".repeat(17)));

    assertThat(underTest.take("d-1")).isEmpty();
  }

  @Test
  void keepsAnEmptyWill() {
    underTest.remember("d-1", "devices/d-1/status", Optional.empty());

    assertThat(underTest.take("d-1")).hasValueSatisfying(w -> assertThat(w.payload()).isEmpty());
  }

  private static Optional<ByteBuffer> payload(String text) {
    return Optional.of(ByteBuffer.wrap(text.getBytes(UTF_8)).asReadOnlyBuffer());
  }
}
