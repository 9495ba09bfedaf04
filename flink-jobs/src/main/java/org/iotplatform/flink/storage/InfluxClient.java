package org.iotplatform.flink.storage;

import java.util.List;

/**
 * The few InfluxDB operations the sink needs, so that batching and retries can be tested without a
 * server. Implementations are used from one thread.
 */
interface InfluxClient extends AutoCloseable {

  /** Creates the database and retention policy if they do not exist; leaves existing ones alone. */
  void createStorage();

  /**
   * Writes line-protocol points with millisecond timestamps.
   *
   * @throws PointsRejectedException if InfluxDB refused some points for what they contain; it has
   *     stored the others, and retrying cannot help
   * @throws RuntimeException for any other failure, which may be worth a retry
   */
  void write(List<String> lines) throws PointsRejectedException;

  @Override
  void close();
}
