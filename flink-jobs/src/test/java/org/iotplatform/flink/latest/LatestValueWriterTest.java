package org.iotplatform.flink.latest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.telemetry.Metric;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatestValueWriterTest {

  private final FakeStore store = new FakeStore();
  private final TestProcessingTimeService timers = new TestProcessingTimeService();
  private LatestValueWriter underTest;

  @BeforeEach
  void createWriter() throws Exception {
    timers.setCurrentTime(0);
    underTest =
        new LatestValueWriter(
            store, new LatestValueOptions("redis://unused", 3, Duration.ofSeconds(1)), timers);
  }

  @Test
  void keepsOnlyTheNewestBufferedValuePerDeviceAndMetric() throws Exception {
    underTest.write(reading("d-1", 20, Metric.number("t", 2)), null);
    underTest.write(reading("d-1", 10, Metric.number("t", 1), Metric.bool("on", true)), null);

    underTest.flush(false);

    assertThat(store.writes)
        .containsExactly(
            Map.of(
                "d-1",
                List.of(
                    new LatestValue("on", 10, "{\"ts\":10,\"value\":true,\"tenantId\":\"acme\"}"),
                    new LatestValue("t", 20, "{\"ts\":20,\"value\":2.0,\"tenantId\":\"acme\"}"))));
  }

  @Test
  void writesWhenTheBufferHoldsABatchOfDistinctValues() throws Exception {
    underTest.write(reading("d-1", 1, Metric.number("t", 1)), null);
    underTest.write(reading("d-1", 2, Metric.number("t", 2)), null);
    underTest.write(reading("d-2", 1, Metric.string("mode", "eco \"x\"")), null);
    assertThat(store.writes).isEmpty();

    underTest.write(reading("d-3", 1, Metric.number("t", 1)), null);

    assertThat(store.writes).singleElement().satisfies(w -> assertThat(w).hasSize(3));
    assertThat(store.writes.get(0).get("d-2"))
        .extracting(LatestValue::json)
        .containsExactly("{\"ts\":1,\"value\":\"eco \\\"x\\\"\",\"tenantId\":\"acme\"}");
  }

  @Test
  void writesAnIncompleteBufferWhenTheFlushIntervalHasPassed() throws Exception {
    underTest.write(reading("d-1", 1, Metric.number("t", 1)), null);

    timers.setCurrentTime(999);
    assertThat(store.writes).isEmpty();
    timers.setCurrentTime(1_000);

    assertThat(store.writes).hasSize(1);
  }

  @Test
  void failsTheTaskWhenTheStoreFailsSoTheCheckpointReplays() throws Exception {
    store.fail = true;
    underTest.write(reading("d-1", 1, Metric.number("t", 1)), null);

    assertThatThrownBy(() -> underTest.flush(false)).isInstanceOf(IOException.class);
  }

  private static EnrichedTelemetry reading(String deviceId, long ts, Metric... metrics) {
    return new EnrichedTelemetry(deviceId, "acme", "thermometer", List.of(), ts, List.of(metrics));
  }

  /** Records each write, values sorted by metric. */
  private static final class FakeStore implements LatestValueStore {
    final List<Map<String, List<LatestValue>>> writes = new ArrayList<>();
    boolean fail;

    @Override
    public void write(Map<String, ? extends Collection<LatestValue>> values) {
      if (fail) {
        throw new IllegalStateException("Redis is down");
      }
      Map<String, List<LatestValue>> copy = new TreeMap<>();
      values.forEach(
          (device, latest) ->
              copy.put(
                  device,
                  latest.stream().sorted((a, b) -> a.metric().compareTo(b.metric())).toList()));
      writes.add(copy);
    }

    @Override
    public void close() {}
  }
}
