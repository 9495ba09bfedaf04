package org.iotplatform.flink.storage;

import java.io.Serializable;

/**
 * Renders one element as one InfluxDB line-protocol point with a millisecond timestamp. Part of a
 * sink, so serializable.
 */
@FunctionalInterface
interface LineFormat<T> extends Serializable {

  /** The point, without the trailing newline. */
  String line(T element);
}
