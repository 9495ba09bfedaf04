package org.iotplatform.registry.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.iotplatform.registry.device.DeviceStatus;
import org.junit.jupiter.api.Test;

class StatusCoalescerTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private final StatusCoalescer underTest = new StatusCoalescer(Duration.ofMinutes(5), 1000);

  @Test
  void keepsOnlyTheNewestEventOfADeviceUntilTheFlush() {
    underTest.offer(online("d-1", T0));
    underTest.offer(online("d-1", T0.plusSeconds(30)));
    underTest.offer(offline("d-1", T0.plusSeconds(60)));

    assertThat(underTest.drain()).containsExactly(offline("d-1", T0.plusSeconds(60)));
    assertThat(underTest.absorbed()).isEqualTo(2);
  }

  @Test
  void ignoresAnEventOlderThanThePendingOne() {
    underTest.offer(offline("d-1", T0.plusSeconds(60)));
    underTest.offer(online("d-1", T0));

    assertThat(underTest.drain()).containsExactly(offline("d-1", T0.plusSeconds(60)));
  }

  @Test
  void writesTheFirstEventOfADevice() {
    underTest.offer(online("d-1", T0));
    underTest.offer(online("d-2", T0));

    assertThat(underTest.drain()).hasSize(2);
    assertThat(underTest.pendingDevices()).isZero();
  }

  @Test
  void absorbsHeartbeatsWithinTheResolution() {
    writeOnce(online("d-1", T0));

    underTest.offer(online("d-1", T0.plusSeconds(30)));
    assertThat(underTest.drain()).isEmpty();
    underTest.offer(online("d-1", T0.plus(Duration.ofMinutes(4))));
    assertThat(underTest.drain()).isEmpty();
    underTest.offer(online("d-1", T0.plus(Duration.ofMinutes(5))));
    assertThat(underTest.drain()).containsExactly(online("d-1", T0.plus(Duration.ofMinutes(5))));
  }

  @Test
  void writesEveryStatusChangeAtOnce() {
    writeOnce(online("d-1", T0));

    underTest.offer(offline("d-1", T0.plusSeconds(1)));

    assertThat(underTest.drain()).containsExactly(offline("d-1", T0.plusSeconds(1)));
  }

  @Test
  void writesAgainWhatFailedToWriteWhenOfferedBack() {
    underTest.offer(online("d-1", T0));
    List<StatusUpdate> failed = underTest.drain();

    failed.forEach(underTest::offer);

    assertThat(underTest.drain()).containsExactly(online("d-1", T0));
  }

  @Test
  void writesWithoutCoalescingOnceItForgot() {
    writeOnce(online("d-1", T0));
    underTest.forgetWritten();

    underTest.offer(online("d-1", T0.plusSeconds(30)));

    assertThat(underTest.drain()).containsExactly(online("d-1", T0.plusSeconds(30)));
  }

  @Test
  void remembersAtMostTheConfiguredNumberOfDevices() {
    StatusCoalescer small = new StatusCoalescer(Duration.ofMinutes(5), 0);
    small.offer(online("d-1", T0));
    small.written(small.drain());

    small.offer(online("d-1", T0.plusSeconds(30)));

    assertThat(small.drain()).hasSize(1);
  }

  private void writeOnce(StatusUpdate update) {
    underTest.offer(update);
    underTest.written(underTest.drain());
  }

  private static StatusUpdate online(String id, Instant at) {
    return new StatusUpdate(id, at, DeviceStatus.ONLINE);
  }

  private static StatusUpdate offline(String id, Instant at) {
    return new StatusUpdate(id, at, DeviceStatus.OFFLINE);
  }
}
