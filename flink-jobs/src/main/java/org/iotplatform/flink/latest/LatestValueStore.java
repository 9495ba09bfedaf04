package org.iotplatform.flink.latest;

import java.util.Collection;
import java.util.Map;

/** Where latest values go; an interface so the writer's batching is tested without Redis. */
interface LatestValueStore extends AutoCloseable {

  /**
   * Stores each value whose timestamp is later than the stored one of its device and metric.
   *
   * @param values per device id, at most one value per metric
   */
  void write(Map<String, ? extends Collection<LatestValue>> values);

  @Override
  void close();
}
