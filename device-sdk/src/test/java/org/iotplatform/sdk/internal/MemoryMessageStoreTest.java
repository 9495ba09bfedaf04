package org.iotplatform.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iotplatform.sdk.OfflineBuffer.Overflow;
import org.iotplatform.sdk.OfflineBufferFullException;
import org.junit.jupiter.api.Test;

class MemoryMessageStoreTest {

  private MemoryMessageStore underTest = new MemoryMessageStore(100, Overflow.DROP_OLDEST);

  @Test
  void keepsOrderAndGivesConsecutivePositions() {
    for (int i = 0; i < 20; i++) {
      assertThat(underTest.append("telemetry", 1, payload(i)).message().position()).isEqualTo(i);
    }

    assertThat(StoreChecks.payloads(underTest.read(0, 100)))
        .containsExactlyElementsOf(texts(0, 20));
    assertThat(StoreChecks.positions(underTest.read(5, 3))).containsExactly(5L, 6L, 7L);
    assertThat(StoreChecks.positions(underTest.read(Long.MIN_VALUE, 1))).containsExactly(0L);
    assertThat(underTest.size()).isEqualTo(20);
    assertThat(underTest.nextPosition()).isEqualTo(20);
  }

  @Test
  void skipsMessagesReleasedOutOfOrderAndLetsThemLeaveOnceTheHeadIsReleased() {
    for (int i = 0; i < 5; i++) {
      underTest.append("telemetry", 1, payload(i));
    }

    underTest.release(1);
    underTest.release(3);
    assertThat(StoreChecks.positions(underTest.read(0, 10))).containsExactly(0L, 2L, 4L);
    assertThat(underTest.size()).isEqualTo(3);

    underTest.release(0);
    underTest.release(0);
    underTest.release(42);
    assertThat(StoreChecks.positions(underTest.read(0, 10))).containsExactly(2L, 4L);
    assertThat(underTest.size()).isEqualTo(2);
    assertThat(underTest.nextPosition()).isEqualTo(5);
  }

  @Test
  void dropsTheOldestMessagesWhenFullAndReportsTheirPositions() {
    underTest = new MemoryMessageStore(3, Overflow.DROP_OLDEST);
    underTest.append("telemetry", 1, payload(0));
    underTest.append("telemetry", 1, payload(1));
    underTest.append("telemetry", 1, payload(2));
    underTest.release(1);

    MessageStore.Appended appended = underTest.append("telemetry", 1, payload(3));

    // Dropping 0 lets the released 1 leave too, so one message made room.
    assertThat(appended.dropped()).containsExactly(0L);
    assertThat(appended.message().position()).isEqualTo(3);
    assertThat(StoreChecks.payloads(underTest.read(0, 10))).containsExactly("m2", "m3");
  }

  @Test
  void refusesNewMessagesWhenFullWithRejectNewAndKeepsTheOldOnes() {
    underTest = new MemoryMessageStore(2, Overflow.REJECT_NEW);
    underTest.append("telemetry", 1, payload(0));
    underTest.append("telemetry", 1, payload(1));

    assertThatThrownBy(() -> underTest.append("telemetry", 1, payload(2)))
        .isInstanceOf(OfflineBufferFullException.class)
        .hasMessageContaining("2 messages");
    assertThat(StoreChecks.payloads(underTest.read(0, 10))).containsExactly("m0", "m1");
    assertThat(underTest.nextPosition()).isEqualTo(2);

    underTest.release(0);
    assertThat(underTest.append("telemetry", 1, payload(2)).message().position()).isEqualTo(2);
  }

  @Test
  void countsAMessageReleasedBehindAnUnreleasedHeadUntilTheHeadPassesIt() {
    underTest = new MemoryMessageStore(2, Overflow.REJECT_NEW);
    underTest.append("telemetry", 1, payload(0));
    underTest.append("telemetry", 1, payload(1));
    underTest.release(1);

    assertThatThrownBy(() -> underTest.append("telemetry", 1, payload(2)))
        .isInstanceOf(OfflineBufferFullException.class);
  }

  @Test
  void keepsEveryMessageExactlyOnceUnderConcurrentAppends() throws Exception {
    underTest = new MemoryMessageStore(100_000, Overflow.REJECT_NEW);

    List<StoredMessage> stored = StoreChecks.appendConcurrently(underTest, 4, 2_000);

    StoreChecks.assertEveryMessageOnceInOrder(stored, 4, 2_000);
  }

  @Test
  void growsAndShrinksItsRingAcrossManyAppendsAndReleases() {
    for (int round = 0; round < 3; round++) {
      long first = underTest.nextPosition();
      for (int i = 0; i < 100; i++) {
        underTest.append("telemetry", 0, payload(i));
      }
      for (long p = first + 99; p >= first; p--) {
        underTest.release(p);
      }
      assertThat(underTest.size()).isZero();
      assertThat(underTest.read(0, 10)).isEmpty();
    }
    assertThat(underTest.nextPosition()).isEqualTo(300);
  }

  private static byte[] payload(int i) {
    return ("m" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(int from, int to) {
    return java.util.stream.IntStream.range(from, to).mapToObj(i -> "m" + i).toList();
  }
}
