package org.iotplatform.systemtests.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaTopics;

/**
 * Probe devices that each publish a breaching reading (QoS 1) and, once its alert fired, a clearing
 * one; timing from just before the publish to the FIRED event read from {@code iot.alerts.v1} and
 * to the first webhook call naming the alert. A device is probed again only after {@code rest}, so
 * that the notification service's grouping of a flapping device never holds a probe back.
 */
final class AlertProbes implements AutoCloseable {

  private static final Pattern FIELD =
      Pattern.compile("\"(alertId|kind|deviceId)\"\\s*:\\s*\"([^\"]+)\"");

  private final List<String> ids;
  private final List<Mqtt5AsyncClient> devices = new ArrayList<>();
  private final Map<String, Probe> open = new ConcurrentHashMap<>();
  private final Map<String, Long> lastProbe = new ConcurrentHashMap<>();
  private final Map<String, Long> webhookDue = new ConcurrentHashMap<>();
  private final KafkaConsumer<String, String> consumer;
  private final Thread reader;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Histogram toEvent = new Histogram(3);
  private final Histogram toWebhook = new Histogram(3);
  private final AtomicLong fired = new AtomicLong();
  private final AtomicLong resolved = new AtomicLong();
  private volatile boolean measuring;
  private volatile boolean assigned;
  private long next;

  private record Probe(long startNanos, boolean breach) {}

  AlertProbes(List<String> ids, int mqttPort, String kafkaBootstrapServers) {
    this.ids = List.copyOf(ids);
    List<CompletableFuture<?>> connected = new ArrayList<>();
    for (String id : ids) {
      Mqtt5AsyncClient device =
          MqttClient.builder()
              .useMqttVersion5()
              .identifier(id)
              .serverHost("127.0.0.1")
              .serverPort(mqttPort)
              .buildAsync();
      connected.add(device.connect());
      devices.add(device);
    }
    CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).join();
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-alert-probes-" + System.nanoTime());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    // Hand each event over as soon as the broker has it: the probe measures the pipeline, not a
    // consumer's batching.
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(KafkaTopics.ALERTS));
    reader = new Thread(this::read, "alert-probe-reader");
    reader.start();
  }

  /** Waits until the consumer has its partitions, so no event is missed. */
  void awaitAssigned() {
    await("probe consumer assigned").atMost(Duration.ofSeconds(60)).until(() -> assigned);
  }

  /** Starts or stops recording latencies (probes keep running either way). */
  void measuring(boolean on) {
    measuring = on;
  }

  /** Probes one device that is idle and rested; false when none is. */
  boolean probe(Duration rest) {
    long now = System.nanoTime();
    for (int tried = 0; tried < ids.size(); tried++) {
      int index = (int) (next++ % ids.size());
      String id = ids.get(index);
      Long last = lastProbe.get(id);
      if (open.containsKey(id) || (last != null && now - last < rest.toNanos())) {
        continue;
      }
      lastProbe.put(id, now);
      publish(index, true, now);
      return true;
    }
    return false;
  }

  private void publish(int index, boolean breach, long startNanos) {
    String id = ids.get(index);
    open.put(id, new Probe(startNanos, breach));
    String payload =
        "{\"ts\":%d,\"metrics\":{\"temperature\":%s}}"
            .formatted(System.currentTimeMillis(), breach ? "90.0" : "20.0");
    devices
        .get(index)
        .publish(
            Mqtt5Publish.builder()
                .topic(DeviceTopic.telemetry(id).topic())
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(UTF_8))
                .build());
  }

  private void read() {
    while (running.get()) {
      var records = consumer.poll(Duration.ofMillis(100));
      if (!consumer.assignment().isEmpty()) {
        assigned = true;
      }
      long now = System.nanoTime();
      for (ConsumerRecord<String, String> record : records) {
        onEvent(record.value(), now);
      }
    }
    consumer.close();
  }

  private void onEvent(String json, long now) {
    String alertId = null;
    String kind = null;
    String deviceId = null;
    Matcher matcher = FIELD.matcher(json);
    while (matcher.find()) {
      switch (matcher.group(1)) {
        case "alertId" -> alertId = matcher.group(2);
        case "kind" -> kind = matcher.group(2);
        default -> deviceId = matcher.group(2);
      }
    }
    if (deviceId == null || kind == null) {
      return;
    }
    Probe probe = open.get(deviceId);
    if (probe == null) {
      return;
    }
    int index = ids.indexOf(deviceId);
    if ("FIRED".equals(kind) && probe.breach()) {
      fired.incrementAndGet();
      if (measuring) {
        toEvent.recordValue(now - probe.startNanos());
        webhookDue.put(alertId, probe.startNanos());
      }
      publish(index, false, now);
    } else if ("RESOLVED".equals(kind) && !probe.breach()) {
      resolved.incrementAndGet();
      open.remove(deviceId);
    }
  }

  /**
   * Ends the probes still waiting (those of the warm-up may have been published before the job had
   * their rules): a clearing reading resolves an alert that did fire, and the device can be probed
   * again.
   */
  void forgetUnanswered() {
    for (String id : List.copyOf(open.keySet())) {
      publish(ids.indexOf(id), false, System.nanoTime());
      open.remove(id);
    }
  }

  /** Probes whose FIRED or RESOLVED event has not come yet. */
  int unanswered() {
    return open.size();
  }

  /** What is still open, for a failure message: a few devices, what each waits for, how long. */
  String describeUnanswered() {
    long now = System.nanoTime();
    StringBuilder text =
        new StringBuilder("fired %d, resolved %d; waiting:".formatted(fired.get(), resolved.get()));
    open.entrySet().stream()
        .limit(5)
        .forEach(
            entry ->
                text.append(
                    " %s for %s since %d ms;"
                        .formatted(
                            entry.getKey(),
                            entry.getValue().breach() ? "FIRED" : "RESOLVED",
                            (now - entry.getValue().startNanos()) / 1_000_000)));
    return text.toString();
  }

  Histogram toEvent() {
    return toEvent;
  }

  /** Latencies to the webhook of the alerts measured so far that {@code webhook} has received. */
  Histogram toWebhook(WebhookReceiver webhook) {
    toWebhook.reset();
    webhookDue.forEach(
        (alertId, start) -> {
          Long arrival = webhook.arrival(alertId);
          if (arrival != null) {
            toWebhook.recordValue(Math.max(0, arrival - start));
          }
        });
    return toWebhook;
  }

  /** Measured alerts whose webhook call has not come. */
  long webhookMissing(WebhookReceiver webhook) {
    return webhookDue.keySet().stream().filter(id -> webhook.arrival(id) == null).count();
  }

  long measuredAlerts() {
    return webhookDue.size();
  }

  long fired() {
    return fired.get();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    reader.join(5_000);
    for (Mqtt5AsyncClient device : devices) {
      device.disconnect();
    }
  }
}
