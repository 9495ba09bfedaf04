package org.iotplatform.flink.rollup;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a window's aggregate into a {@link Rollup} stamped with the window and its series. */
final class ToRollup
    extends ProcessWindowFunction<RollupAccumulator, Rollup, RollupKey, TimeWindow> {

  private static final long serialVersionUID = 1L;

  @Override
  public void process(
      RollupKey key,
      Context context,
      Iterable<RollupAccumulator> aggregates,
      Collector<Rollup> out) {
    TimeWindow window = context.window();
    for (RollupAccumulator aggregate : aggregates) {
      if (aggregate.count() > 0) {
        out.collect(
            new Rollup(
                key,
                window.getStart(),
                window.getEnd() - window.getStart(),
                aggregate.min(),
                aggregate.max(),
                aggregate.mean(),
                aggregate.count()));
      }
    }
  }
}
