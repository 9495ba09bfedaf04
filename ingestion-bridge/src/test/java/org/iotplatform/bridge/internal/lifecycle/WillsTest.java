package org.iotplatform.bridge.internal.lifecycle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WillsTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Wills underTest = new Wills(16, scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void keepsAWillUntilItsConnectionEnds() {
    underTest.remember("d-1", "devices/d-1/status", payload("{\"s\":0}"), 0);

    Optional<Wills.Will> will = underTest.take("d-1");

    assertThat(will).hasValueSatisfying(w -> assertThat(w.topic()).isEqualTo("devices/d-1/status"));
    assertThat(new String(will.orElseThrow().payload(), UTF_8)).isEqualTo("{\"s\":0}");
    assertThat(underTest.take("d-1")).as("taken once").isEmpty();
    assertThat(underTest.size()).isZero();
  }

  @Test
  void aNewConnectionsWillReplacesTheOldOne() {
    underTest.remember("d-1", "devices/d-1/status", payload("old"), 0);
    underTest.remember("d-1", "devices/d-1/status", payload("new"), 0);

    assertThat(new String(underTest.take("d-1").orElseThrow().payload(), UTF_8)).isEqualTo("new");
  }

  @Test
  void keepsNoWillLargerThanAPublishMayBe() {
    underTest.remember("d-1", "devices/d-1/status", payload("small"), 0);
    underTest.remember("d-1", "devices/d-1/status", payload("x".repeat(17)), 0);

    assertThat(underTest.take("d-1")).isEmpty();
  }

  @Test
  void keepsAnEmptyWill() {
    underTest.remember("d-1", "devices/d-1/status", Optional.empty(), 0);

    assertThat(underTest.take("d-1")).hasValueSatisfying(w -> assertThat(w.payload()).isEmpty());
  }

  @Test
  void aDelayedWillIsForwardedAfterItsDelay() {
    underTest.remember("d-1", "devices/d-1/status", payload("{}"), 1);
    AtomicBoolean forwarded = new AtomicBoolean();

    underTest.later("d-1", underTest.take("d-1").orElseThrow(), () -> forwarded.set(true));

    assertThat(underTest.delayedCount()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).untilTrue(forwarded);
    assertThat(underTest.delayedCount()).isZero();
  }

  @Test
  void aDeviceBackBeforeItsWillIsDueCancelsIt() {
    underTest.remember("d-1", "devices/d-1/status", payload("{}"), 3600);
    AtomicBoolean forwarded = new AtomicBoolean();
    underTest.later("d-1", underTest.take("d-1").orElseThrow(), () -> forwarded.set(true));

    underTest.cancelDelayed("d-1");

    assertThat(underTest.delayedCount()).isZero();
    assertThat(forwarded).isFalse();
  }

  private static Optional<ByteBuffer> payload(String text) {
    return Optional.of(ByteBuffer.wrap(text.getBytes(UTF_8)).asReadOnlyBuffer());
  }
}
