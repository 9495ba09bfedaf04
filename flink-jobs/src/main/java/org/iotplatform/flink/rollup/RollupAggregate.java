package org.iotplatform.flink.rollup;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Folds values into a {@link RollupAccumulator}, so a window keeps four numbers, not its values.
 */
final class RollupAggregate
    implements AggregateFunction<MetricValue, RollupAccumulator, RollupAccumulator> {

  private static final long serialVersionUID = 1L;

  @Override
  public RollupAccumulator createAccumulator() {
    return RollupAccumulator.EMPTY;
  }

  @Override
  public RollupAccumulator add(MetricValue value, RollupAccumulator accumulator) {
    return accumulator.add(value.value());
  }

  @Override
  public RollupAccumulator getResult(RollupAccumulator accumulator) {
    return accumulator;
  }

  @Override
  public RollupAccumulator merge(RollupAccumulator a, RollupAccumulator b) {
    return a.merge(b);
  }
}
