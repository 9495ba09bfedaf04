package org.iotplatform.alerts.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iotplatform.contracts.AlertEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code iot.alerts.v1} and applies each polled batch in one transaction; offsets are
 * committed only after it commits, so a crash loses no event (the replayed ones change nothing).
 * Unreadable records, and events the database refuses while it answers, are counted and skipped:
 * they never block their partition. While PostgreSQL is unreachable, the consumer seeks back to the
 * batch's start and retries after a pause.
 */
class AlertEventConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AlertEventConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

  private final KafkaProperties kafka;
  private final LifecycleProperties properties;
  private final AlertLifecycle lifecycle;
  private final Counter read;
  private final Counter skipped;
  private final Counter applied;
  private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
  private volatile @Nullable Thread thread;
  private volatile boolean running;

  AlertEventConsumer(
      KafkaProperties kafka,
      LifecycleProperties properties,
      AlertLifecycle lifecycle,
      MeterRegistry meters) {
    this.kafka = kafka;
    this.properties = properties;
    this.lifecycle = lifecycle;
    this.read = events(meters, "read", "Alert events read");
    this.skipped =
        events(
            meters,
            "skipped",
            "Alert event records skipped: unreadable, or refused by the database");
    this.applied = events(meters, "applied", "Alert events that changed an alert (no replays)");
  }

  private static Counter events(MeterRegistry meters, String outcome, String description) {
    return Counter.builder("iot.alerts.events")
        .tag("outcome", outcome)
        .description(description)
        .register(meters);
  }

  @Override
  public synchronized void start() {
    Map<String, Object> config = kafka.buildConsumerProperties();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    // Offsets move only after the transaction that applied their events committed.
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
    consumer = new KafkaConsumer<>(config);
    running = true;
    Thread loop = new Thread(this::run, "alert-event-consumer");
    loop.setDaemon(true);
    thread = loop;
    loop.start();
  }

  private void run() {
    KafkaConsumer<String, byte[]> kafkaConsumer = consumer;
    if (kafkaConsumer == null) {
      return;
    }
    try {
      kafkaConsumer.subscribe(List.of(properties.topic()));
      while (running) {
        try {
          ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(POLL_TIMEOUT);
          if (!records.isEmpty() && !applyAndCommit(kafkaConsumer, records)) {
            LockSupport.parkNanos(properties.retryPause().toNanos());
          }
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          // The lifecycle must not stop for good over one bad round: log, pause, poll again.
          log.warn("Reading alert events failed, retrying: {}", e.toString());
          LockSupport.parkNanos(properties.retryPause().toNanos());
        }
      }
    } catch (WakeupException e) {
      // stop() woke the poll up.
    } finally {
      kafkaConsumer.close(Duration.ofSeconds(5));
    }
  }

  /** True when the batch was applied; false when it must be read again. */
  private boolean applyAndCommit(
      KafkaConsumer<String, byte[]> kafkaConsumer, ConsumerRecords<String, byte[]> records) {
    List<AlertEvent> events = new ArrayList<>(records.count());
    int skippedRecords = 0;
    for (ConsumerRecord<String, byte[]> record : records) {
      var event = AlertEventReader.read(record.value());
      if (event.isPresent()) {
        events.add(event.get());
      } else {
        skippedRecords++;
        log.warn(
            "Skipping an unreadable alert event at {}-{} offset {}",
            record.topic(),
            record.partition(),
            record.offset());
      }
    }
    try {
      applied.increment(events.isEmpty() ? 0 : lifecycle.apply(events));
    } catch (RuntimeException e) {
      log.warn("Applying {} alert events failed: {}", events.size(), e.toString());
      // One event the database refuses rolls the whole batch back: find it by applying them one
      // at a time (those applied before are replays then, and change nothing).
      int refused = applyOneByOne(events);
      if (refused < 0) {
        seekToStart(kafkaConsumer, records);
        return false;
      }
      skippedRecords += refused;
    }
    read.increment(records.count());
    skipped.increment(skippedRecords);
    try {
      kafkaConsumer.commitSync(nextOffsets(records));
    } catch (RuntimeException e) {
      // The events are stored; read again, they change nothing.
      log.warn("Committing alert event offsets failed: {}", e.toString());
    }
    return true;
  }

  /**
   * Applies the events one per transaction, skipping those the database refuses twice while it
   * answers otherwise (such as text with a NUL character): they can never be stored, and must not
   * block their partition. Returns how many it skipped, or -1 when the database is unreachable.
   */
  private int applyOneByOne(List<AlertEvent> events) {
    int refused = 0;
    for (AlertEvent event : events) {
      if (!applyAlone(event) && !applyAlone(event)) {
        if (!lifecycle.databaseAnswers()) {
          return -1;
        }
        refused++;
        log.warn("Skipping alert event {}, which the database refuses", event.eventId());
      }
    }
    return refused;
  }

  private boolean applyAlone(AlertEvent event) {
    try {
      applied.increment(lifecycle.apply(List.of(event)));
      return true;
    } catch (RuntimeException e) {
      log.debug("Applying alert event {} failed: {}", event.eventId(), e.toString());
      return false;
    }
  }

  private static void seekToStart(
      KafkaConsumer<String, byte[]> kafkaConsumer, ConsumerRecords<String, byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      kafkaConsumer.seek(partition, records.records(partition).get(0).offset());
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
      offsets.put(
          partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
    }
    return offsets;
  }

  @Override
  public void stop() {
    Thread loop;
    synchronized (this) {
      running = false;
      loop = thread;
      thread = null;
    }
    KafkaConsumer<String, byte[]> kafkaConsumer = consumer;
    if (kafkaConsumer != null) {
      kafkaConsumer.wakeup();
    }
    if (loop != null) {
      try {
        loop.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
