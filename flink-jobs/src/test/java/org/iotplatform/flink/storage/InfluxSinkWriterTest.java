package org.iotplatform.flink.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.telemetry.Metric;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfluxSinkWriterTest {

  private final FakeInfluxClient client = new FakeInfluxClient();
  private final TestProcessingTimeService timers = new TestProcessingTimeService();
  private final List<Long> sleeps = new ArrayList<>();
  private final SimpleCounter written = new SimpleCounter();
  private final SimpleCounter rejected = new SimpleCounter();
  private InfluxSinkWriter<EnrichedTelemetry> underTest;

  @BeforeEach
  void createWriter() throws Exception {
    timers.setCurrentTime(0);
    underTest =
        writer(InfluxSinkOptions.defaults("http://unused").withBatching(3, Duration.ofSeconds(1)));
  }

  @Test
  void writesAFullBatchAtOnce() throws Exception {
    underTest.write(telemetry(1), null);
    underTest.write(telemetry(2), null);
    assertThat(client.batches).isEmpty();

    underTest.write(telemetry(3), null);

    assertThat(client.batches).hasSize(1);
    assertThat(client.batches.get(0)).hasSize(3).allMatch(line -> line.startsWith("telemetry,"));
    assertThat(written.getCount()).isEqualTo(3);
    assertThat(underTest.buffered()).isZero();
  }

  @Test
  void writesAnIncompleteBatchWhenTheFlushIntervalHasPassed() throws Exception {
    underTest.write(telemetry(1), null);

    timers.setCurrentTime(999);
    assertThat(client.batches).isEmpty();
    timers.setCurrentTime(1_000);

    assertThat(client.batches).containsExactly(List.of(LineProtocol.point(telemetry(1))));
  }

  @Test
  void writesEverythingBufferedOnFlushSoACheckpointCoversIt() throws Exception {
    underTest.write(telemetry(1), null);
    underTest.write(telemetry(2), null);

    underTest.flush(false);

    assertThat(client.batches).singleElement().asList().hasSize(2);
    underTest.flush(true);
    assertThat(client.batches).hasSize(1);
  }

  @Test
  void retriesAFailedWriteWithGrowingBackOff() throws Exception {
    client.failures = 2;
    underTest.write(telemetry(1), null);

    underTest.flush(false);

    assertThat(client.attempts).isEqualTo(3);
    assertThat(client.batches).hasSize(1);
    assertThat(sleeps).containsExactly(200L, 400L);
  }

  @Test
  void failsTheTaskWhenRetriesAreUsedUp() throws Exception {
    client.failures = Integer.MAX_VALUE;
    underTest.write(telemetry(1), null);

    assertThatThrownBy(() -> underTest.flush(false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("failed 6 times")
        .hasRootCauseMessage("connection refused");
    assertThat(sleeps).containsExactly(200L, 400L, 800L, 1_600L, 3_200L);
  }

  @Test
  void countsPointsInfluxDbRefusesWithoutRetryingThem() throws Exception {
    client.rejection =
        new PointsRejectedException("partial write: field type conflict dropped=1", 1);
    underTest.write(telemetry(1), null);
    underTest.write(telemetry(2), null);

    underTest.flush(false);

    assertThat(client.attempts).isEqualTo(1);
    assertThat(rejected.getCount()).isEqualTo(1);
    assertThat(written.getCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void closesTheClient() throws Exception {
    underTest.write(telemetry(1), null);

    underTest.close();

    assertThat(client.closed).isTrue();
  }

  private InfluxSinkWriter<EnrichedTelemetry> writer(InfluxSinkOptions options) {
    return new InfluxSinkWriter<>(
        client, LineProtocol::point, options, timers, sleeps::add, written, rejected);
  }

  private static EnrichedTelemetry telemetry(long timestamp) {
    return new EnrichedTelemetry(
        "d-1", "acme", "thermometer", List.of(), timestamp, List.of(Metric.number("t", timestamp)));
  }

  /** Records writes; fails or rejects as told. */
  private static final class FakeInfluxClient implements InfluxClient {
    final List<List<String>> batches = new ArrayList<>();
    int attempts;
    int failures;
    PointsRejectedException rejection;
    boolean closed;

    @Override
    public void createStorage() {}

    @Override
    public void write(List<String> lines) throws PointsRejectedException {
      attempts++;
      if (failures-- > 0) {
        throw new IllegalStateException("connection refused");
      }
      if (rejection != null) {
        throw rejection;
      }
      batches.add(lines);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
