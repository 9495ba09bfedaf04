package org.iotplatform.bridge.internal.downlink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.iotplatform.bridge.internal.downlink.DeviceDelivery.Outcome;
import org.iotplatform.bridge.internal.downlink.DownlinkRecords.Deliver;
import org.iotplatform.bridge.internal.downlink.DownlinkRecords.Expired;
import org.iotplatform.bridge.internal.downlink.DownlinkRecords.Invalid;
import org.iotplatform.bridge.internal.downlink.DownlinkRecords.Verdict;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the downlink topic on its own thread and hands each record to {@link DeviceDelivery}.
 *
 * <p>At least once: a poll's records are all handed over, then their offsets are committed once the
 * broker took each of them (or the record was skipped). A record the broker refused, or did not
 * take within the publish timeout, is read again: its partition is rewound to it and paused for
 * {@link #RETRY_BACKOFF}, so one failing record neither spins the thread nor holds up other
 * partitions. Records after it in that partition are handed over again as well.
 *
 * <p>Bounded: one poll ({@code max.poll.records}) is in flight at a time; nothing is queued.
 */
final class DownlinkConsumer implements Runnable {

  static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(DownlinkConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  // Long enough to leave the group: a restarted node then rejoins at once instead of waiting for
  // the coordinator to time its old member out. Offsets are already committed by then.
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final Consumer<String, byte[]> consumer;
  private final String topic;
  private final DeviceDelivery delivery;
  private final DownlinkMetrics metrics;
  private final Duration publishTimeout;
  private final Clock clock;
  private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
  private volatile boolean stopped;

  /** {@code consumer} is used by {@link #run()}'s thread only, and closed by it. */
  DownlinkConsumer(
      Consumer<String, byte[]> consumer,
      String topic,
      DeviceDelivery delivery,
      DownlinkMetrics metrics,
      Duration publishTimeout,
      Clock clock) {
    this.consumer = consumer;
    this.topic = topic;
    this.delivery = delivery;
    this.metrics = metrics;
    this.publishTimeout = publishTimeout;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(topic), new ForgetRevoked());
      while (!stopped) {
        resumeDuePartitions();
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
        if (!records.isEmpty()) {
          handle(records);
        }
      }
    } catch (WakeupException e) {
      // stop() interrupts a blocking call; nothing to do but close
    } catch (RuntimeException e) {
      log.error("Downlink stopped reading {}: nothing reaches devices on this node", topic, e);
    } finally {
      consumer.close(CLOSE_TIMEOUT);
    }
  }

  /** Ends {@link #run()}; safe from any thread. */
  void stop() {
    stopped = true;
    consumer.wakeup();
  }

  private void handle(ConsumerRecords<String, byte[]> records) {
    Instant now = clock.instant();
    Map<TopicPartition, List<Handed>> handed = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<Handed> list = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
        list.add(new Handed(record.offset(), hand(record, now)));
      }
      handed.put(partition, list);
    }
    long deadline = System.nanoTime() + publishTimeout.toNanos();
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    handed.forEach(
        (partition, list) -> {
          long next = awaitInOrder(partition, list, deadline);
          commits.put(partition, new OffsetAndMetadata(next));
        });
    commit(commits);
  }

  private CompletableFuture<Outcome> hand(ConsumerRecord<String, byte[]> record, Instant now) {
    Verdict verdict = DownlinkRecords.read(record.key(), record.value(), now);
    if (verdict instanceof Deliver deliver) {
      try {
        return delivery
            .deliver(deliver.deviceId(), deliver.message(), deliver.expiry())
            .whenComplete((outcome, error) -> count(outcome, error));
      } catch (IllegalArgumentException e) {
        // A message the broker can never take: skipped like any invalid one, never retried.
        metrics.invalid();
        log.debug("Downlink record at {} cannot be published: {}", record.offset(), e.toString());
        return CompletableFuture.completedFuture(Outcome.NOT_HERE);
      }
    }
    if (verdict instanceof Invalid invalid) {
      metrics.invalid();
      log.debug("Downlink record at {} skipped: {}", record.offset(), invalid.reason());
    } else if (verdict instanceof Expired expired) {
      metrics.expired();
      log.debug("Downlink record for {} at {} expired", expired.deviceId(), record.offset());
    }
    return CompletableFuture.completedFuture(Outcome.NOT_HERE);
  }

  private void count(@Nullable Outcome outcome, @Nullable Throwable error) {
    if (outcome != null) {
      metrics.outcome(outcome);
    } else {
      metrics.failed();
    }
  }

  /** The offset to commit: past the last record, or the first one the broker did not take. */
  private long awaitInOrder(TopicPartition partition, List<Handed> list, long deadline) {
    for (Handed handed : list) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        handed.outcome().get(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      } catch (ExecutionException | TimeoutException e) {
        log.warn(
            "Downlink record {} at {} not published, retrying in {}: {}",
            partition,
            handed.offset(),
            RETRY_BACKOFF,
            e.getCause() != null ? e.getCause().toString() : e.toString());
        consumer.seek(partition, handed.offset());
        consumer.pause(List.of(partition));
        pausedUntil.put(partition, clock.instant().plus(RETRY_BACKOFF));
        return handed.offset();
      }
    }
    return list.get(list.size() - 1).offset() + 1;
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      consumer.commitSync(offsets);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // A rebalance or Kafka being away: the records are read again, which at-least-once allows.
      log.warn("Downlink offsets not committed, records will be read again: {}", e.toString());
    }
  }

  private void resumeDuePartitions() {
    if (pausedUntil.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<TopicPartition> due =
        pausedUntil.entrySet().stream()
            .filter(e -> !now.isBefore(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    due.forEach(pausedUntil::remove);
    consumer.resume(due);
  }

  private record Handed(long offset, CompletableFuture<Outcome> outcome) {}

  /** A revoked partition's pause ends with the assignment: Kafka forgets it, so do we. */
  private final class ForgetRevoked implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      partitions.forEach(pausedUntil::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      onPartitionsRevoked(partitions);
    }
  }
}
