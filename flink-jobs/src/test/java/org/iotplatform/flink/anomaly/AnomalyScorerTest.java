package org.iotplatform.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.Telemetry;
import org.iotplatform.flink.telemetry.TelemetryRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keyed scorer in Flink's operator harness: baselines per device, scores, restore. */
class AnomalyScorerTest {

  private static final AnomalyOptions OPTIONS = AnomalyOptions.defaults();
  // Past both warm-ups: 30 readings for the z-scores, then 64 points for the forest.
  private static final int WARM = 300;

  private KeyedOneInputStreamOperatorTestHarness<String, Telemetry, AnomalyScore> harness;

  @BeforeEach
  void openHarness() throws Exception {
    harness = newHarness();
    harness.open();
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  @Test
  void scoresASpikeHighAndTheSteadyReadingsAroundItLow() throws Exception {
    process(Readings.steady("d-1", WARM, 1));
    harness.getOutput().clear();
    List<Telemetry> after = Readings.steady("d-1", 50, 2);

    process(List.of(spike("d-1", WARM)));
    process(after);

    List<AnomalyScore> scores = harness.extractOutputValues();
    assertThat(scores).hasSize(51);
    AnomalyScore spike = scores.get(0);
    assertThat(spike.timestamp()).isEqualTo(WARM);
    assertThat(spike.score()).isGreaterThan(0.8);
    assertThat(spike.forestScore()).as("the forest is warm").isNotNull().isGreaterThan(0.8);
    assertThat(scores.subList(1, scores.size()))
        .allSatisfy(score -> assertThat(score.score()).isLessThan(0.8));
  }

  @Test
  void emitsNothingDuringTheWarmUpThenAScorePerReadingWithItsHeaders() throws Exception {
    process(Readings.steady("d-1", OPTIONS.warmUp(), 1));
    assertThat(harness.extractOutputValues()).isEmpty();

    process(Readings.steady("d-1", 1, 2));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            score -> {
              assertThat(score.deviceId()).isEqualTo("d-1");
              assertThat(score.tenantId()).isEqualTo(TelemetryRecords.TENANT);
              assertThat(score.receivedAt()).isEqualTo(TelemetryRecords.RECEIVED_AT);
              assertThat(score.forestScore()).as("the forest warms up").isNull();
              assertThat(score.score()).isEqualTo(score.zScore()).isBetween(0.0, 1.0);
            });
  }

  @Test
  void keepsASeparateBaselinePerDevice() throws Exception {
    process(Readings.steady("d-1", WARM, 1));
    // d-2 runs at a level that would be a huge spike for d-1.
    Random random = new Random(3);
    for (int i = 0; i < WARM; i++) {
      process(
          List.of(
              Readings.reading(
                  "d-2",
                  i,
                  Metric.number("temperature", 80 + random.nextGaussian()),
                  Metric.number("humidity", 10 + 2 * random.nextGaussian()))));
    }
    harness.getOutput().clear();

    process(
        List.of(
            Readings.reading(
                "d-2", WARM, Metric.number("temperature", 80), Metric.number("humidity", 10)),
            Readings.reading(
                "d-1", WARM, Metric.number("temperature", 80), Metric.number("humidity", 10))));

    List<AnomalyScore> scores = harness.extractOutputValues();
    assertThat(scores).extracting(AnomalyScore::deviceId).containsExactly("d-2", "d-1");
    assertThat(scores.get(0).score()).isLessThan(0.5);
    assertThat(scores.get(1).score()).isGreaterThan(0.99);
  }

  @Test
  void keepsScoringFromARestoredSnapshotWithoutWarmingUpAgain() throws Exception {
    process(Readings.steady("d-1", WARM, 1));
    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    harness.close();

    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    process(Readings.steady("d-1", 1, 2));
    process(List.of(spike("d-1", WARM + 1)));

    List<AnomalyScore> scores = harness.extractOutputValues();
    assertThat(scores).hasSize(2);
    assertThat(scores.get(0).forestScore()).as("restored forest, no warm-up").isNotNull();
    assertThat(scores.get(0).score()).isLessThan(0.8);
    assertThat(scores.get(1).score()).isGreaterThan(0.8);
    assertThat(scores.get(1).forestScore()).isGreaterThan(0.8);
  }

  @Test
  void forgetsADeviceSilentForLongerThanTheStateTtl() throws Exception {
    harness.setStateTtlProcessingTime(0);
    process(Readings.steady("d-1", WARM, 1));
    harness.getOutput().clear();

    harness.setStateTtlProcessingTime(OPTIONS.stateTtl().toMillis() + 1);
    process(Readings.steady("d-1", OPTIONS.warmUp(), 2));

    assertThat(harness.extractOutputValues()).as("warming up again").isEmpty();
  }

  /** Both metrics 5 sigma off at once. */
  private static Telemetry spike(String deviceId, long ts) {
    return Readings.reading(
        deviceId, ts, Metric.number("temperature", 25), Metric.number("humidity", 50));
  }

  private void process(List<Telemetry> readings) throws Exception {
    for (Telemetry reading : readings) {
      harness.processElement(reading, reading.timestamp());
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Telemetry, AnomalyScore>
      newHarness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new AnomalyScorer(OPTIONS)), Telemetry::deviceId, Types.STRING);
  }
}
