package org.iotplatform.flink.storage;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;

/**
 * Writes telemetry to InfluxDB's raw retention policy through the v1 HTTP API, at least once: see
 * {@link InfluxSinkWriter} for batching, flushing and retries. Each writer creates the database and
 * the retention policy if they are missing when it opens.
 */
public final class InfluxSink implements Sink<EnrichedTelemetry> {

  private static final long serialVersionUID = 1L;

  private final InfluxSinkOptions options;

  public InfluxSink(InfluxSinkOptions options) {
    this.options = options;
  }

  @Override
  public SinkWriter<EnrichedTelemetry> createWriter(WriterInitContext context) throws IOException {
    InfluxClient client = new InfluxDbJavaClient(options);
    try {
      client.createStorage();
    } catch (RuntimeException e) {
      client.close();
      throw new IOException("Cannot prepare InfluxDB storage at " + options.url(), e);
    }
    SinkWriterMetricGroup metrics = context.metricGroup();
    return new InfluxSinkWriter(
        client,
        options,
        context.getProcessingTimeService(),
        Thread::sleep,
        metrics.getNumRecordsSendCounter(),
        metrics.getNumRecordsOutErrorsCounter());
  }
}
