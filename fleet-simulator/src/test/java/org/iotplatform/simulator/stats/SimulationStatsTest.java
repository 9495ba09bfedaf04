package org.iotplatform.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulationStatsTest {

  private final SimulationStats underTest = new SimulationStats(3, System.nanoTime());

  @Test
  void countsConnectionsMessagesAndFailures() {
    underTest.connected();
    underTest.connected();
    underTest.disconnected();
    underTest.sent();
    underTest.sent();
    underTest.sent();
    underTest.acknowledged(TimeUnit.MILLISECONDS.toNanos(5));
    underTest.error(new IllegalStateException("refused"));
    underTest.error(new IllegalStateException("later"));
    underTest.dropped();

    Summary summary = underTest.summary(new HeapMeter());

    assertThat(summary.devices()).isEqualTo(3);
    assertThat(summary.connected()).isEqualTo(1);
    assertThat(underTest.connects()).isEqualTo(2);
    assertThat(summary.sent()).isEqualTo(3);
    assertThat(summary.acked()).isEqualTo(1);
    assertThat(summary.errors()).isEqualTo(2);
    assertThat(summary.dropped()).isEqualTo(1);
    assertThat(underTest.firstError()).isEqualTo("refused");
  }

  @Test
  void measuresLatencyPercentilesFromMicroseconds() {
    IntStream.rangeClosed(1, 100)
        .forEach(millis -> underTest.acknowledged(TimeUnit.MILLISECONDS.toNanos(millis)));

    Summary summary = underTest.summary(new HeapMeter());

    assertThat(summary.p50Millis()).isCloseTo(50, within(0.1));
    assertThat(summary.p99Millis()).isCloseTo(99, within(0.1));
    assertThat(summary.maxMillis()).isCloseTo(100, within(0.1));
  }

  @Test
  void keepsEveryLatencyForTheSummaryAfterProgressLinesReadThem() {
    underTest.acknowledged(TimeUnit.MILLISECONDS.toNanos(10));
    String progress = underTest.progressLine();
    underTest.acknowledged(TimeUnit.MILLISECONDS.toNanos(30));

    Summary summary = underTest.summary(new HeapMeter());

    assertThat(progress).contains("acked=1").contains("p50=10.0ms");
    assertThat(summary.acked()).isEqualTo(2);
    assertThat(summary.maxMillis()).isCloseTo(30, within(0.1));
    assertThat(summary.p50Millis()).isCloseTo(10, within(0.1));
  }

  @Test
  void reportsTheHeapPerDeviceOnlyWhenMeasured() {
    HeapMeter heap = new HeapMeter();
    assertThat(underTest.summary(heap).heapPerDeviceKb()).isEqualTo(-1);

    heap.baseline();
    heap.loaded();

    assertThat(underTest.summary(heap).heapPerDeviceKb()).isGreaterThanOrEqualTo(0);
    assertThat(underTest.summary(heap).heapMb()).isPositive();
  }
}
