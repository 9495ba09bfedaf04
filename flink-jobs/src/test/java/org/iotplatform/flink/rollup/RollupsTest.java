package org.iotplatform.flink.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 1-minute window operator as {@link Rollups} builds it, through Flink's operator harness. */
class RollupsTest {

  private static final RollupKey TEMPERATURE = new RollupKey("d-1", "acme", "thermo", "temp");
  private static final RollupKey HUMIDITY = new RollupKey("d-1", "acme", "thermo", "humidity");
  private static final long MINUTE = 60_000;
  private static final Duration LATENESS = Duration.ofMinutes(2);

  private KeyedOneInputStreamOperatorTestHarness<RollupKey, MetricValue, Rollup> harness;

  @BeforeEach
  void openHarness() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    TypeInformation<MetricValue> type = TypeInformation.of(MetricValue.class);
    KeyedStream<MetricValue, RollupKey> keyed =
        env.fromData(type, new MetricValue(TEMPERATURE, 0, 0)).keyBy(MetricValue::series);
    RollupOptions options =
        new RollupOptions(Duration.ZERO, LATENESS, Duration.ofMinutes(1), "52w", "INF");
    DataStream<Rollup> underTest = Rollups.window(keyed, Rollups.MINUTE, options, "rollup-1m");
    @SuppressWarnings("unchecked")
    OneInputTransformation<MetricValue, Rollup> transformation =
        (OneInputTransformation<MetricValue, Rollup>) underTest.getTransformation();
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            (OneInputStreamOperator<MetricValue, Rollup>) transformation.getOperator(),
            MetricValue::series,
            TypeInformation.of(RollupKey.class));
    harness.open();
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  @Test
  void emitsMinMaxMeanAndCountPerSeriesAndMetricWhenTheWatermarkPassesTheWindow() throws Exception {
    value(TEMPERATURE, 5 * MINUTE + 1_000, 20);
    value(TEMPERATURE, 5 * MINUTE + 59_999, 24);
    value(TEMPERATURE, 5 * MINUTE + 30_000, 19);
    value(HUMIDITY, 5 * MINUTE + 10_000, 60);
    value(TEMPERATURE, 6 * MINUTE, 99); // the next window

    harness.processWatermark(6 * MINUTE - 2);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(6 * MINUTE - 1);
    assertThat(harness.extractOutputValues())
        .containsExactlyInAnyOrder(
            new Rollup(TEMPERATURE, 5 * MINUTE, MINUTE, 19, 24, 21, 3),
            new Rollup(HUMIDITY, 5 * MINUTE, MINUTE, 60, 60, 60, 1));
  }

  @Test
  void rewritesTheWindowForEachLateValueWithinTheAllowedLateness() throws Exception {
    value(TEMPERATURE, 5 * MINUTE, 10);
    harness.processWatermark(7 * MINUTE);

    value(TEMPERATURE, 5 * MINUTE + 1, 20);
    value(TEMPERATURE, 5 * MINUTE + 2, 30);

    assertThat(harness.extractOutputValues())
        .containsExactly(
            new Rollup(TEMPERATURE, 5 * MINUTE, MINUTE, 10, 10, 10, 1),
            new Rollup(TEMPERATURE, 5 * MINUTE, MINUTE, 10, 20, 15, 2),
            new Rollup(TEMPERATURE, 5 * MINUTE, MINUTE, 10, 30, 20, 3));
  }

  @Test
  void dropsValuesLaterThanTheAllowedLatenessAndForgetsTheWindow() throws Exception {
    value(TEMPERATURE, 5 * MINUTE, 10);
    harness.processWatermark(6 * MINUTE - 1 + LATENESS.toMillis());
    int fired = harness.extractOutputValues().size();

    value(TEMPERATURE, 5 * MINUTE + 1, 20);

    assertThat(fired).isEqualTo(1);
    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  private void value(RollupKey series, long timestamp, double value) throws Exception {
    harness.processElement(new MetricValue(series, timestamp, value), timestamp);
  }
}
