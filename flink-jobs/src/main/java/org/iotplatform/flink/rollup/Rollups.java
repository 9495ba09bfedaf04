package org.iotplatform.flink.rollup;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;

/**
 * Adds the rollup operators to a stream of enriched telemetry: event time from each reading's
 * {@code ts}, bounded out-of-orderness watermarks, and 1-minute and 1-hour tumbling windows with
 * allowed lateness.
 *
 * <p>Both resolutions aggregate the readings themselves: hourly rollups built from minute rollups
 * would count a minute twice when a late reading emits it again.
 */
public final class Rollups {

  /** The 1-minute window. */
  public static final Duration MINUTE = Duration.ofMinutes(1);

  /** The 1-hour window. */
  public static final Duration HOUR = Duration.ofHours(1);

  private Rollups() {}

  /**
   * The rollup streams of {@code telemetry}.
   *
   * @param minutes rollups of 1-minute windows
   * @param hours rollups of 1-hour windows
   */
  public record Streams(DataStream<Rollup> minutes, DataStream<Rollup> hours) {}

  /** Adds the operators; {@code telemetry} needs no watermarks of its own. */
  public static Streams of(DataStream<EnrichedTelemetry> telemetry, RollupOptions options) {
    // Watermarks are generated here, after enrichment: the devices input carries none.
    KeyedStream<MetricValue, RollupKey> values =
        telemetry
            .flatMap(new NumericMetrics())
            .name("numeric-metrics")
            .uid("numeric-metrics")
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<MetricValue>forBoundedOutOfOrderness(options.outOfOrderness())
                    .withTimestampAssigner((value, previous) -> value.timestamp())
                    .withIdleness(options.idleness()))
            .name("rollup-watermarks")
            .uid("rollup-watermarks")
            .keyBy(MetricValue::series);
    return new Streams(
        window(values, MINUTE, options, "rollup-1m"), window(values, HOUR, options, "rollup-1h"));
  }

  /** One resolution's windows over keyed values; package-private for the operator harness. */
  static DataStream<Rollup> window(
      KeyedStream<MetricValue, RollupKey> values,
      Duration size,
      RollupOptions options,
      String name) {
    return values
        .window(TumblingEventTimeWindows.of(size))
        .allowedLateness(options.allowedLateness())
        .aggregate(new RollupAggregate(), new ToRollup())
        .name(name)
        .uid(name);
  }
}
