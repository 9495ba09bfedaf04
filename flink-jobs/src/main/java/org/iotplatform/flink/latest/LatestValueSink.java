package org.iotplatform.flink.latest;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;

/**
 * Keeps the latest value per device and metric in Redis, in {@link
 * org.iotplatform.contracts.LatestValues}'s layout, batched and only moving forward in time (see
 * {@link LatestValueWriter}).
 */
public final class LatestValueSink implements Sink<EnrichedTelemetry> {

  private static final long serialVersionUID = 1L;

  private final LatestValueOptions options;

  public LatestValueSink(LatestValueOptions options) {
    this.options = options;
  }

  @Override
  public SinkWriter<EnrichedTelemetry> createWriter(WriterInitContext context) throws IOException {
    LatestValueStore store;
    try {
      store = new RedisLatestValueStore(options.redisUri());
    } catch (RuntimeException e) {
      throw new IOException("Cannot connect to Redis for latest values", e);
    }
    return new LatestValueWriter(store, options, context.getProcessingTimeService());
  }
}
