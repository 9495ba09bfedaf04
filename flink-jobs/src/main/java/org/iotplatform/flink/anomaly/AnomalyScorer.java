package org.iotplatform.flink.anomaly;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.iotplatform.flink.telemetry.Telemetry;

/**
 * Scores each reading of a device (keyed by device id) against that device's own baseline: the
 * exponentially weighted z-scores of its metrics and the Random Cut Forest over them together, then
 * learns the reading. Emits one {@link AnomalyScore} per reading once at least one of its metrics
 * is past the warm-up; readings in arrival order.
 */
public final class AnomalyScorer extends KeyedProcessFunction<String, Telemetry, AnomalyScore> {

  private static final long serialVersionUID = 1L;

  private final AnomalyOptions options;
  private transient EwmaScorer scorer;
  private transient ValueState<DeviceBaseline> baselines;
  private transient ValueState<DeviceForest> forests;

  public AnomalyScorer(AnomalyOptions options) {
    this.options = options;
  }

  @Override
  public void open(OpenContext openContext) {
    scorer = new EwmaScorer(options);
    // Written on every scored reading, so the TTL counts from a device's last reading.
    StateTtlConfig ttl = StateTtlConfig.newBuilder(options.stateTtl()).build();
    ValueStateDescriptor<DeviceBaseline> baseline =
        new ValueStateDescriptor<>("baseline", TypeInformation.of(DeviceBaseline.class));
    baseline.enableTimeToLive(ttl);
    ValueStateDescriptor<DeviceForest> forest =
        new ValueStateDescriptor<>("forest", new DeviceForestSerializer());
    forest.enableTimeToLive(ttl);
    baselines = getRuntimeContext().getState(baseline);
    forests = getRuntimeContext().getState(forest);
  }

  @Override
  public void processElement(Telemetry reading, Context context, Collector<AnomalyScore> out)
      throws Exception {
    DeviceBaseline baseline = baselines.value();
    EwmaScorer.Result result =
        scorer.score(baseline == null ? DeviceBaseline.empty() : baseline, reading.metrics());
    baselines.update(result.baseline());
    Double maxZScore = result.maxZScore();
    if (maxZScore == null) {
      return;
    }
    DeviceForest forest = forests.value();
    if (forest == null) {
      forest =
          DeviceForest.create(
              result.deviations().keySet(), options.forest(), reading.deviceId().hashCode());
    }
    Double forestScore = forest.scoreAndUpdate(result.deviations());
    forests.update(forest);
    double zScore = ScoreMapping.fromZScore(maxZScore);
    out.collect(
        new AnomalyScore(
            reading.deviceId(),
            reading.tenantId(),
            reading.timestamp(),
            reading.record().receivedAt(),
            forestScore == null ? zScore : Math.max(zScore, forestScore),
            zScore,
            forestScore));
  }
}
