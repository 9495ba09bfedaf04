package org.iotplatform.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.iotplatform.flink.telemetry.Metric;
import org.junit.jupiter.api.Test;

class EwmaScorerTest {

  private final AnomalyOptions options = AnomalyOptions.defaults();
  private final EwmaScorer underTest = new EwmaScorer(options);

  @Test
  void scoresNothingDuringTheWarmUp() {
    DeviceBaseline baseline = DeviceBaseline.empty();
    for (int i = 0; i < options.warmUp(); i++) {
      EwmaScorer.Result result = underTest.score(baseline, List.of(Metric.number("t", 20 + i)));
      assertThat(result.maxZScore()).as("reading %d", i).isNull();
      assertThat(result.deviations()).isEmpty();
      baseline = result.baseline();
    }

    EwmaScorer.Result first = underTest.score(baseline, List.of(Metric.number("t", 20)));

    assertThat(first.maxZScore()).isNotNull();
    assertThat(first.baseline().find("t").count()).isEqualTo(options.warmUp() + 1);
  }

  @Test
  void scoresASteadySignalLow() {
    DeviceBaseline baseline = warmedUp(new Random(1));
    Random random = new Random(2);
    for (int i = 0; i < 500; i++) {
      EwmaScorer.Result result =
          underTest.score(baseline, List.of(Metric.number("t", 20 + 0.5 * random.nextGaussian())));
      // A normal sample of 500 stays within about 3.5 sigma; the EWMA's estimate wobbles a little.
      assertThat(ScoreMapping.fromZScore(result.maxZScore())).as("reading %d", i).isLessThan(0.95);
      baseline = result.baseline();
    }
    assertThat(baseline.find("t").mean()).isCloseTo(20, within(0.5));
    assertThat(Math.sqrt(baseline.find("t").variance())).isCloseTo(0.5, within(0.25));
  }

  @Test
  void scoresASpikeHighAgainstTheBaselineBeforeIt() {
    DeviceBaseline baseline = warmedUp(new Random(1));
    MetricBaseline before = baseline.find("t");

    EwmaScorer.Result spike = underTest.score(baseline, List.of(Metric.number("t", 30)));

    assertThat(spike.maxZScore()).isCloseTo(before.deviation(30), within(1e-9)).isGreaterThan(10);
    assertThat(spike.deviations().get("t")).isCloseTo(before.deviation(30), within(1e-9));
    assertThat(ScoreMapping.fromZScore(spike.maxZScore())).isGreaterThan(0.99);
    assertThat(spike.baseline().find("t").mean())
        .as("the spike then moves the baseline")
        .isGreaterThan(before.mean());
  }

  @Test
  void clipsTheDeviationHandedToTheForest() {
    DeviceBaseline baseline = warmedUp(new Random(1));

    EwmaScorer.Result absurd = underTest.score(baseline, List.of(Metric.number("t", -1e9)));

    assertThat(absurd.maxZScore()).isGreaterThan(EwmaScorer.MAX_DEVIATION);
    assertThat(absurd.deviations()).containsEntry("t", -EwmaScorer.MAX_DEVIATION);
  }

  @Test
  void scoresTheLargestDeviationOfAReadingAndIgnoresNonNumbers() {
    DeviceBaseline baseline = DeviceBaseline.empty();
    Random random = new Random(3);
    for (int i = 0; i < 100; i++) {
      baseline =
          underTest
              .score(
                  baseline,
                  List.of(
                      Metric.number("a", 10 + random.nextGaussian()),
                      Metric.number("b", 100 + random.nextGaussian()),
                      Metric.bool("on", true)))
              .baseline();
    }

    EwmaScorer.Result result =
        underTest.score(
            baseline,
            List.of(
                Metric.number("a", baseline.find("a").mean()),
                Metric.number("b", baseline.find("b").mean() - 4 * sigma(baseline, "b")),
                Metric.string("mode", "eco")));

    assertThat(result.maxZScore()).isCloseTo(4, within(1e-6));
    assertThat(result.deviations()).containsOnlyKeys("a", "b");
    assertThat(result.deviations().get("b")).isCloseTo(-4, within(1e-6));
  }

  @Test
  void keepsBaselinesForAtMostMaxMetricsNames() {
    EwmaScorer small =
        new EwmaScorer(
            new AnomalyOptions(
                0.05, 30, 2, AnomalyOptions.ForestOptions.defaults(), Duration.ofDays(7)));

    EwmaScorer.Result result =
        small.score(
            DeviceBaseline.empty(),
            List.of(Metric.number("a", 1), Metric.number("b", 2), Metric.number("c", 3)));

    assertThat(result.baseline().metrics())
        .extracting(MetricBaseline::name)
        .containsExactly("a", "b");
  }

  private DeviceBaseline warmedUp(Random random) {
    DeviceBaseline baseline = DeviceBaseline.empty();
    for (int i = 0; i < 200; i++) {
      baseline =
          underTest
              .score(baseline, List.of(Metric.number("t", 20 + 0.5 * random.nextGaussian())))
              .baseline();
    }
    return baseline;
  }

  private static double sigma(DeviceBaseline baseline, String name) {
    return Math.sqrt(baseline.find(name).variance());
  }
}
