package org.iotplatform.flink.anomaly;

import com.amazon.randomcutforest.RandomCutForest;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One device's Random Cut Forest over its metrics together. The forest sees each metric as its
 * z-score against the metric's own baseline rather than its raw value, so metrics of different
 * units weigh alike and a slowly moving level is not an anomaly. The dimensions are fixed when the
 * forest is created. State: {@link DeviceForestSerializer}.
 */
public final class DeviceForest {

  private final List<String> dimensions;
  private final RandomCutForest forest;

  DeviceForest(List<String> dimensions, RandomCutForest forest) {
    this.dimensions = List.copyOf(dimensions);
    this.forest = forest;
  }

  /**
   * A new forest over the first {@link AnomalyOptions.ForestOptions#dimensions()} of {@code
   * metrics} in sorted order; {@code seed} makes it repeatable.
   */
  static DeviceForest create(
      Iterable<String> metrics, AnomalyOptions.ForestOptions options, long seed) {
    TreeSet<String> sorted = new TreeSet<>();
    metrics.forEach(sorted::add);
    List<String> dimensions = sorted.stream().limit(options.dimensions()).toList();
    RandomCutForest forest =
        RandomCutForest.builder()
            .dimensions(dimensions.size())
            .numberOfTrees(options.trees())
            .sampleSize(options.sampleSize())
            .outputAfter(options.warmUp())
            .randomSeed(seed)
            // One forest per device on a task thread: threads of its own would only contend.
            .parallelExecutionEnabled(false)
            .build();
    return new DeviceForest(dimensions, forest);
  }

  List<String> dimensions() {
    return dimensions;
  }

  RandomCutForest forest() {
    return forest;
  }

  /**
   * Scores the point of these deviations (a dimension missing from them counts as its mean), then
   * learns it. Returns the score mapped to [0, 1], or null while the forest warms up or when none
   * of its dimensions is among {@code deviations}.
   */
  @Nullable Double scoreAndUpdate(Map<String, Double> deviations) {
    float[] point = new float[dimensions.size()];
    boolean any = false;
    for (int i = 0; i < point.length; i++) {
      Double deviation = deviations.get(dimensions.get(i));
      if (deviation != null) {
        point[i] = deviation.floatValue();
        any = true;
      }
    }
    if (!any) {
      return null;
    }
    boolean ready = forest.isOutputReady();
    double raw = ready ? forest.getAnomalyScore(point) : 0;
    forest.update(point);
    return ready ? ScoreMapping.fromForestScore(raw) : null;
  }
}
