package org.iotplatform.bridge.internal.view;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.iotplatform.contracts.DeviceSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link DeviceView} up to date from the compacted devices topic, on its own thread. It
 * assigns itself every partition (no consumer group: every bridge node needs every device), reads
 * from the beginning, marks the view ready once it reached the end offsets it saw at start, and
 * then keeps polling. While Kafka is down the consumer retries by itself and the view keeps serving
 * what it holds.
 */
public final class DeviceViewUpdater implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(DeviceViewUpdater.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);

  private final Consumer<String, byte[]> consumer;
  private final String topic;
  private final DeviceView view;
  private volatile boolean stopped;

  /** {@code consumer} is used by {@link #run()}'s thread only, and closed by it. */
  public DeviceViewUpdater(Consumer<String, byte[]> consumer, String topic, DeviceView view) {
    this.consumer = consumer;
    this.topic = topic;
    this.view = view;
  }

  @Override
  public void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return; // stopped before the topic existed
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
      while (!stopped) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL_TIMEOUT)) {
          apply(record);
        }
        if (!view.isReady() && caughtUp(endAtStart)) {
          view.markReady();
          log.info("Device view ready: {} devices from {}", view.size(), topic);
        }
      }
    } catch (WakeupException e) {
      // stop() interrupts a blocking call; nothing to do but close
    } catch (RuntimeException e) {
      log.error("Device view stopped reading {}: devices will be refused or stale", topic, e);
    } finally {
      consumer.close(Duration.ZERO);
    }
  }

  /** Ends {@link #run()}; safe from any thread. */
  public void stop() {
    stopped = true;
    consumer.wakeup();
  }

  private List<TopicPartition> awaitPartitions() {
    while (!stopped) {
      try {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        if (infos != null && !infos.isEmpty()) {
          return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        }
        log.warn("Topic {} has no partitions yet; devices are refused until it has", topic);
      } catch (WakeupException e) {
        throw e;
      } catch (KafkaException e) {
        log.warn("Cannot read the partitions of {} yet: {}", topic, e.toString());
      }
    }
    return List.of();
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    String deviceId = record.key();
    if (deviceId == null) {
      return;
    }
    @Nullable DeviceSnapshot snapshot = null;
    if (record.value() != null) {
      try {
        snapshot = DeviceSnapshotJson.read(record.value());
      } catch (RuntimeException e) {
        // Keeps the previous entry: a record we cannot read must not stop the whole view.
        log.error("Unreadable snapshot of {} at {}: {}", deviceId, record.offset(), e.toString());
        return;
      }
    }
    view.apply(deviceId, snapshot);
  }

  private boolean caughtUp(Map<TopicPartition, Long> endOffsets) {
    return endOffsets.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }
}
