package org.iotplatform.registry.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iotplatform.contracts.KafkaTopics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code iot.device-events.v1} and keeps the devices' status and last_seen. Events gather in
 * a {@link StatusCoalescer}; every flush interval the due updates are written, and only then are
 * the offsets committed. A crash therefore loses no status change: the events after the last commit
 * are read again, and the writer ignores what is already stored.
 *
 * <p>One thread owns the consumer and the coalescer. While PostgreSQL is down the thread keeps what
 * it has (at most one entry per device) and retries at every flush interval without committing.
 */
class DeviceStatusConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeviceStatusConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

  private final KafkaProperties kafka;
  private final StatusProperties properties;
  private final StatusWriter writer;
  private final StatusCoalescer coalescer;
  private final Counter events;
  private final Counter rowsWritten;
  private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
  private volatile @Nullable Thread thread;
  private volatile boolean running;

  DeviceStatusConsumer(
      KafkaProperties kafka,
      StatusProperties properties,
      StatusWriter writer,
      MeterRegistry meters) {
    this.kafka = kafka;
    this.properties = properties;
    this.writer = writer;
    this.coalescer =
        new StatusCoalescer(properties.lastSeenResolution(), properties.rememberedDevices());
    this.events =
        Counter.builder("iot.registry.status.events")
            .description("Device events read from " + KafkaTopics.DEVICE_EVENTS)
            .register(meters);
    this.rowsWritten =
        Counter.builder("iot.registry.status.rows")
            .description("Device rows whose status or last_seen the writer changed")
            .register(meters);
    meters.gauge("iot.registry.status.absorbed", coalescer, c -> (double) c.absorbed());
  }

  @Override
  public synchronized void start() {
    Map<String, Object> config = kafka.buildConsumerProperties();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    // Offsets move only after a flush wrote what they cover.
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A new group reads what the bridge wrote before the registry first started.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer = new KafkaConsumer<>(config);
    running = true;
    Thread loop = new Thread(this::run, "device-status-consumer");
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
      kafkaConsumer.subscribe(List.of(KafkaTopics.DEVICE_EVENTS), new FlushOnRevoke());
      long nextFlush = System.nanoTime() + properties.flushInterval().toNanos();
      while (running) {
        try {
          for (ConsumerRecord<String, byte[]> record : kafkaConsumer.poll(POLL_TIMEOUT)) {
            events.increment();
            DeviceEventReader.read(record).ifPresent(coalescer::offer);
          }
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          // Status must not stop for good over one bad round: log, pause, poll again.
          log.warn("Reading device events failed, retrying: {}", e.toString());
          LockSupport.parkNanos(properties.flushInterval().toNanos());
        }
        if (System.nanoTime() - nextFlush >= 0) {
          flush(kafkaConsumer);
          nextFlush = System.nanoTime() + properties.flushInterval().toNanos();
        }
      }
    } catch (WakeupException e) {
      // stop() woke the poll up: flush below.
    } finally {
      try {
        flush(kafkaConsumer);
      } finally {
        kafkaConsumer.close(Duration.ofSeconds(5));
      }
    }
  }

  /** Writes what is due and, if that worked, commits the offsets of everything read so far. */
  private void flush(KafkaConsumer<String, byte[]> kafkaConsumer) {
    List<StatusUpdate> due = coalescer.drain();
    try {
      rowsWritten.increment(writer.write(due, properties.batchSize()));
      coalescer.written(due);
    } catch (RuntimeException e) {
      due.forEach(coalescer::offer);
      log.warn("Writing {} device status updates failed, retrying: {}", due.size(), e.toString());
      return;
    }
    try {
      kafkaConsumer.commitSync();
    } catch (RuntimeException e) {
      // The rows are written; the events come again and change nothing.
      log.warn("Committing device event offsets failed: {}", e.toString());
    }
  }

  /** Before partitions move to another instance, write and commit what was read from them. */
  private final class FlushOnRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      KafkaConsumer<String, byte[]> kafkaConsumer = consumer;
      if (kafkaConsumer != null && !partitions.isEmpty()) {
        flush(kafkaConsumer);
        coalescer.forgetWritten();
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
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
