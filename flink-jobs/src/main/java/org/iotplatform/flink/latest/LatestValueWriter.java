package org.iotplatform.flink.latest;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.iotplatform.contracts.LatestValues;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.telemetry.Metric;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Buffers the newest value per device and metric and writes the buffer when it holds {@link
 * LatestValueOptions#batchSize()} values, when the oldest has waited {@link
 * LatestValueOptions#flushInterval()}, and on every checkpoint. A busy device sending every 100 ms
 * thus costs one Redis call per flush, not ten per second.
 *
 * <p>A failed write fails the task; Flink restarts it from the last checkpoint and the replayed
 * readings are written again, which the store's only-forward rule makes harmless.
 *
 * <p>Runs on the task's mailbox thread only (timers included), so it needs no locking.
 */
final class LatestValueWriter implements SinkWriter<EnrichedTelemetry> {

  private final LatestValueStore store;
  private final LatestValueOptions options;
  private final ProcessingTimeService timers;
  private final JsonMapper mapper = JsonMapper.builder().build();
  private final Map<String, Map<String, LatestValue>> buffer = new LinkedHashMap<>();
  private int buffered;
  private @Nullable ScheduledFuture<?> flushTimer;

  LatestValueWriter(
      LatestValueStore store, LatestValueOptions options, ProcessingTimeService timers) {
    this.store = store;
    this.options = options;
    this.timers = timers;
  }

  @Override
  public void write(EnrichedTelemetry telemetry, Context context) throws IOException {
    Map<String, LatestValue> device =
        buffer.computeIfAbsent(telemetry.deviceId(), id -> new HashMap<>());
    for (Metric metric : telemetry.metrics()) {
      LatestValue pending = device.get(metric.name());
      if (pending == null) {
        buffered++;
      }
      if (pending == null || pending.timestamp() < telemetry.timestamp()) {
        device.put(
            metric.name(),
            new LatestValue(metric.name(), telemetry.timestamp(), json(telemetry, metric)));
      }
    }
    if (buffered >= options.batchSize()) {
      writeBuffer();
    } else if (flushTimer == null) {
      flushTimer =
          timers.registerTimer(
              timers.getCurrentProcessingTime() + options.flushInterval().toMillis(),
              time -> {
                flushTimer = null;
                writeBuffer();
              });
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    writeBuffer();
  }

  private void writeBuffer() throws IOException {
    if (buffer.isEmpty()) {
      return;
    }
    Map<String, Collection<LatestValue>> batch = new LinkedHashMap<>();
    buffer.forEach((deviceId, values) -> batch.put(deviceId, values.values()));
    try {
      store.write(batch);
    } catch (RuntimeException e) {
      throw new IOException("Cannot write " + buffered + " latest values", e);
    }
    buffer.clear();
    buffered = 0;
  }

  private String json(EnrichedTelemetry telemetry, Metric metric) {
    ObjectNode node = mapper.createObjectNode();
    node.put(LatestValues.TS, telemetry.timestamp());
    Double number = metric.numberValue();
    Boolean bool = metric.booleanValue();
    if (number != null) {
      node.put(LatestValues.VALUE, number.doubleValue());
    } else if (bool != null) {
      node.put(LatestValues.VALUE, bool.booleanValue());
    } else {
      node.put(LatestValues.VALUE, metric.stringValue());
    }
    node.put(LatestValues.TENANT_ID, telemetry.tenantId());
    return mapper.writeValueAsString(node);
  }

  @Override
  public void close() {
    if (flushTimer != null) {
      flushTimer.cancel(false);
    }
    store.close();
  }
}
