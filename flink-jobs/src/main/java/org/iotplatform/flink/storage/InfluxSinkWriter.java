package org.iotplatform.flink.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers points and writes them in batches: when a batch is full, when the oldest buffered point
 * has waited {@link InfluxSinkOptions#flushInterval()}, and on {@link #flush} (every checkpoint and
 * end of input). So a completed checkpoint means every point before it is in InfluxDB: at least
 * once, and a replayed point overwrites itself.
 *
 * <p>A failed write is retried with exponential back-off; when the retries are used up the task
 * fails and Flink restarts it from the last checkpoint. Points InfluxDB refuses for their content
 * are logged and counted as errors instead: retrying them would fail forever.
 *
 * <p>Runs on the task's mailbox thread only (timers included), so it needs no locking.
 */
final class InfluxSinkWriter<T> implements SinkWriter<T> {

  private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkWriter.class);

  /** Waits between retries; tests pass one that does not sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final InfluxClient client;
  private final LineFormat<T> format;
  private final InfluxSinkOptions options;
  private final ProcessingTimeService timers;
  private final Sleeper sleeper;
  private final Counter pointsWritten;
  private final Counter pointsRejected;
  private final List<String> buffer = new ArrayList<>();
  private @Nullable ScheduledFuture<?> flushTimer;

  InfluxSinkWriter(
      InfluxClient client,
      LineFormat<T> format,
      InfluxSinkOptions options,
      ProcessingTimeService timers,
      Sleeper sleeper,
      Counter pointsWritten,
      Counter pointsRejected) {
    this.client = client;
    this.format = format;
    this.options = options;
    this.timers = timers;
    this.sleeper = sleeper;
    this.pointsWritten = pointsWritten;
    this.pointsRejected = pointsRejected;
  }

  @Override
  public void write(T element, Context context) throws IOException, InterruptedException {
    buffer.add(format.line(element));
    if (buffer.size() >= options.batchSize()) {
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
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    writeBuffer();
  }

  @Override
  public void close() {
    if (flushTimer != null) {
      flushTimer.cancel(false);
    }
    // Unwritten points are not lost: they come after the last checkpoint and are replayed.
    client.close();
  }

  /** Points waiting for the next write; for tests. */
  int buffered() {
    return buffer.size();
  }

  private void writeBuffer() throws IOException, InterruptedException {
    if (buffer.isEmpty()) {
      return;
    }
    List<String> batch = List.copyOf(buffer);
    buffer.clear();
    long backoff = options.initialBackoff().toMillis();
    for (int attempt = 1; ; attempt++) {
      try {
        client.write(batch);
        pointsWritten.inc(batch.size());
        return;
      } catch (PointsRejectedException e) {
        int dropped = e.dropped() < 0 ? batch.size() : Math.min(e.dropped(), batch.size());
        pointsWritten.inc(batch.size() - dropped);
        pointsRejected.inc(dropped);
        LOG.warn("InfluxDB refused points of a batch of {}: {}", batch.size(), e.getMessage());
        return;
      } catch (RuntimeException e) {
        if (attempt > options.maxRetries()) {
          throw new IOException(
              "Writing " + batch.size() + " points to InfluxDB failed " + attempt + " times", e);
        }
        LOG.warn(
            "Writing {} points to InfluxDB failed (attempt {}), retrying in {} ms: {}",
            batch.size(),
            attempt,
            backoff,
            e.toString());
        sleeper.sleep(backoff);
        backoff = Math.min(backoff * 2, InfluxSinkOptions.MAX_BACKOFF.toMillis());
      }
    }
  }
}
