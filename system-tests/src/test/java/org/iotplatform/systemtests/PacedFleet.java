package org.iotplatform.systemtests;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos1Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.sdk.TelemetryMessage;

/**
 * Devices that publish QoS 1 telemetry the way firmware does: one message at a time per device, the
 * next after the PUBACK, and a refused or unanswered message again after a pause until it is
 * accepted. Each message carries metric {@value #METRIC} and its own timestamp, so a point stored
 * twice overwrites itself and InfluxDB's count is the number of distinct messages.
 */
final class PacedFleet implements AutoCloseable {

  static final String METRIC = "n";

  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

  private final List<Mqtt5AsyncClient> devices = new ArrayList<>();
  private final String prefix;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  /** Connects {@code count} devices named {@code prefix-0 ... prefix-(count-1)} to the broker. */
  PacedFleet(String prefix, int count, int mqttPort) {
    this.prefix = prefix;
    for (int i = 0; i < count; i++) {
      String id = prefix + "-" + i;
      Mqtt5AsyncClient device =
          MqttClient.builder()
              .useMqttVersion5()
              .identifier(id)
              .serverHost("127.0.0.1")
              .serverPort(mqttPort)
              .automaticReconnectWithDefaultConfig()
              .buildAsync();
      device.connect().join();
      devices.add(device);
    }
  }

  /**
   * Publishes {@code perDevice} messages from every device, one every {@code interval} per device,
   * timestamps from {@code firstReading} a millisecond apart. Completes when every message has been
   * acknowledged.
   */
  CompletableFuture<Void> publish(int perDevice, Duration interval, Instant firstReading) {
    return publish(perDevice, 1, interval, firstReading);
  }

  /**
   * Like {@link #publish(int, Duration, Instant)}, with {@code window} messages in flight per
   * device: lane {@code k} of a device sends messages {@code k}, {@code k + window}, ... one at a
   * time, as a device flushing its buffer does. {@code perDevice} is a multiple of {@code window}.
   */
  CompletableFuture<Void> publish(
      int perDevice, int window, Duration interval, Instant firstReading) {
    if (perDevice % window != 0) {
      throw new IllegalArgumentException(perDevice + " messages do not fill " + window + " lanes");
    }
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Mqtt5AsyncClient device : devices) {
      for (int lane = 0; lane < window; lane++) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        all.add(done);
        send(device, new Lane(lane, window, perDevice), lane, interval, firstReading, done);
      }
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  /** Messages {@code first}, {@code first + step}, ... below {@code end}. */
  private record Lane(int first, int step, int end) {}

  /** Messages acknowledged with success so far. */
  long acknowledged() {
    return acknowledged.get();
  }

  /** Publishes refused with an error reason code or unanswered so far (each then sent again). */
  long refused() {
    return refused.get();
  }

  /** What every device id of the fleet starts with. */
  String prefix() {
    return prefix;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    devices.forEach(device -> device.disconnect().exceptionally(error -> null));
  }

  private void send(
      Mqtt5AsyncClient device,
      Lane lane,
      int sequence,
      Duration interval,
      Instant firstReading,
      CompletableFuture<Void> done) {
    if (sequence >= lane.end()) {
      done.complete(null);
      return;
    }
    String id = device.getConfig().getClientIdentifier().orElseThrow().toString();
    byte[] payload =
        TelemetryMessage.builder()
            .timestamp(firstReading.plusMillis(sequence))
            .sequence(sequence)
            .metric(METRIC, (long) sequence)
            .build()
            .toPayload();
    device
        .publishWith()
        .topic(DeviceTopic.telemetry(id).topic())
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(payload)
        .send()
        .whenComplete(
            (result, error) -> {
              if (error == null && accepted(result)) {
                acknowledged.incrementAndGet();
                later(
                    interval,
                    () -> send(device, lane, sequence + lane.step(), interval, firstReading, done));
              } else {
                refused.incrementAndGet();
                later(
                    RETRY_PAUSE, () -> send(device, lane, sequence, interval, firstReading, done));
              }
            });
  }

  private static boolean accepted(Mqtt5PublishResult result) {
    return result.getError().isEmpty()
        && result instanceof Mqtt5Qos1Result qos1
        && !qos1.getPubAck().getReasonCode().isError();
  }

  private void later(Duration delay, Runnable action) {
    if (!scheduler.isShutdown()) {
      scheduler.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
