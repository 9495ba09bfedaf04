package org.iotplatform.bridge.internal.forwarding;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records and tells when Kafka acknowledged them. Every failure, whether thrown by {@code
 * send} or reported to its callback, ends in a failed future, so a caller waiting on the result is
 * always released. Completions run on the producer's I/O thread: keep them short. Thread-safe.
 */
public final class KafkaSender {

  private static final Logger log = LoggerFactory.getLogger(KafkaSender.class);

  private final Producer<byte[], byte[]> producer;
  private final ForwardingMetrics metrics;
  // A fleet keeps publishing while Kafka is away: warn once per outage, not once per record.
  private final AtomicBoolean failing = new AtomicBoolean();

  public KafkaSender(Producer<byte[], byte[]> producer, ForwardingMetrics metrics) {
    this.producer = producer;
    this.metrics = metrics;
  }

  /** False from a record Kafka did not accept until the next one it accepts. */
  public boolean healthy() {
    return !failing.get();
  }

  /** Sends {@code record}; the future completes once Kafka acknowledged it or gave up. */
  public CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    long start = System.nanoTime();
    try {
      producer.send(
          record,
          (metadata, error) -> {
            metrics.sendLatency(System.nanoTime() - start);
            complete(result, record, metadata, error);
          });
    } catch (RuntimeException e) {
      // A closed producer or an interrupted send throws instead of calling back.
      complete(result, record, null, e);
    }
    return result;
  }

  private void complete(
      CompletableFuture<RecordMetadata> result,
      ProducerRecord<byte[], byte[]> record,
      @Nullable RecordMetadata metadata,
      @Nullable Exception error) {
    if (error == null && metadata != null) {
      if (result.complete(metadata)) {
        metrics.recordForwarded();
        if (failing.compareAndSet(true, false)) {
          log.info("Kafka accepts records again");
        }
      }
      return;
    }
    Exception cause = error != null ? error : new IllegalStateException("no record metadata");
    if (result.completeExceptionally(cause)) {
      metrics.recordFailed();
      if (failing.compareAndSet(false, true)) {
        log.warn("Kafka did not accept a record for {}: {}", record.topic(), cause.toString());
      } else {
        log.debug("Kafka did not accept a record for {}: {}", record.topic(), cause.toString());
      }
    }
  }
}
