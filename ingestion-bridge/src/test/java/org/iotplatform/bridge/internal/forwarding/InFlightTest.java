package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class InFlightTest {

  private final InFlight underTest = new InFlight(100);

  @Test
  void letsRecordsInUpToTheBound() {
    assertThat(underTest.tryAcquire(60)).isTrue();
    assertThat(underTest.tryAcquire(40)).isTrue();

    assertThat(underTest.tryAcquire(1)).isFalse();
    assertThat(underTest.bytes()).isEqualTo(100);
    assertThat(underTest.records()).isEqualTo(2);
  }

  @Test
  void grantsAWaiterOnlyOnceAReleaseMadeRoom() {
    underTest.tryAcquire(80);
    AtomicBoolean granted = new AtomicBoolean();

    underTest.acquire(30, () -> granted.set(true));

    assertThat(granted).isFalse();
    assertThat(underTest.waiting()).isEqualTo(1);
    underTest.release(80);
    assertThat(granted).isTrue();
    assertThat(underTest.bytes()).isEqualTo(30);
    assertThat(underTest.waiting()).isZero();
  }

  @Test
  void grantsAtOnceWhenThereIsRoom() {
    AtomicBoolean granted = new AtomicBoolean();

    underTest.acquire(30, () -> granted.set(true));

    assertThat(granted).isTrue();
  }

  @Test
  void grantsWaitersInArrivalOrderAndKeepsLaterArrivalsBehindThem() {
    underTest.tryAcquire(100);
    List<String> order = new ArrayList<>();
    underTest.acquire(50, () -> order.add("first"));
    underTest.acquire(10, () -> order.add("second"));

    assertThat(underTest.tryAcquire(1)).as("a QoS 0 record may not overtake waiters").isFalse();
    underTest.release(100);

    assertThat(order).containsExactly("first", "second");
  }

  @Test
  void neverHoldsMoreThanTheBoundWhileRecordsComeAndGo() {
    List<Long> held = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      underTest.acquire(30, () -> held.add(30L));
      if (held.size() > 2) {
        underTest.release(held.remove(0));
      }
    }

    assertThat(underTest.peakBytes()).isLessThanOrEqualTo(100);
    assertThat(underTest.peakBytes()).isEqualTo(90);
  }

  @Test
  void letsARecordLargerThanTheBoundGoAloneSoNobodyWaitsForEver() {
    AtomicBoolean granted = new AtomicBoolean();

    underTest.acquire(500, () -> granted.set(true));

    assertThat(granted).isTrue();
    assertThat(underTest.tryAcquire(1)).isFalse();
  }

  @Test
  void weighsKeyValueAndHeaders() {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            "t",
            null,
            "d-1".getBytes(StandardCharsets.UTF_8),
            new byte[10],
            List.of(new RecordHeader("ab", new byte[4])));

    assertThat(InFlight.weight(record)).isEqualTo(3 + 10 + 2 + 4);
  }
}
