package org.iotplatform.flink.storage;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.rollup.Rollup;

/**
 * Writes points to one retention policy of InfluxDB through the v1 HTTP API, at least once: see
 * {@link InfluxSinkWriter} for batching, flushing and retries. Each writer creates the database and
 * the retention policy if they are missing when it opens.
 *
 * @param <T> what is written, rendered by a {@link LineFormat}
 */
public final class InfluxSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;

  private final InfluxSinkOptions options;
  private final LineFormat<T> format;

  private InfluxSink(InfluxSinkOptions options, LineFormat<T> format) {
    this.options = options;
    this.format = format;
  }

  /** Raw telemetry points, one per reading. */
  public static InfluxSink<EnrichedTelemetry> raw(InfluxSinkOptions options) {
    return new InfluxSink<>(options, LineProtocol::point);
  }

  /** Rollup points, one per window, device and metric; write each resolution to its own policy. */
  public static InfluxSink<Rollup> rollups(InfluxSinkOptions options) {
    return new InfluxSink<>(options, LineProtocol::rollup);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    InfluxClient client = new InfluxDbJavaClient(options);
    try {
      client.createStorage();
    } catch (RuntimeException e) {
      client.close();
      throw new IOException("Cannot prepare InfluxDB storage at " + options.url(), e);
    }
    SinkWriterMetricGroup metrics = context.metricGroup();
    return new InfluxSinkWriter<>(
        client,
        format,
        options,
        context.getProcessingTimeService(),
        Thread::sleep,
        metrics.getNumRecordsSendCounter(),
        metrics.getNumRecordsOutErrorsCounter());
  }
}
