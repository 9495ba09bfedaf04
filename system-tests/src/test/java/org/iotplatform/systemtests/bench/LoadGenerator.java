package org.iotplatform.systemtests.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.sdk.TelemetryMessage;

/**
 * MQTT 5 devices publishing QoS 1 telemetry (about 100 bytes each, a fresh timestamp per message,
 * so every message is a distinct InfluxDB point) as fast as PUBACKs allow or at a set rate, timing
 * each publish to its PUBACK.
 */
final class LoadGenerator implements AutoCloseable {

  /** A measured phase. */
  record Result(long messages, long refused, double seconds, Histogram latency) {

    double perSecond() {
      return messages / seconds;
    }

    double percentileMillis(double percentile) {
      return latency.getValueAtPercentile(percentile) / 1_000_000.0;
    }
  }

  private final List<Mqtt5AsyncClient> devices = new ArrayList<>();
  private final List<String> topics = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  // A message per millisecond from here stays in the past for the 1,800,000 a run may send.
  private final Instant firstTimestamp = Instant.now().minus(Duration.ofMinutes(30));

  /** Connects {@code count} devices {@code prefix-0 ...} to {@code port}. */
  LoadGenerator(String prefix, int count, int port) {
    List<CompletableFuture<?>> connected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = prefix + "-" + i;
      Mqtt5AsyncClient device =
          MqttClient.builder()
              .useMqttVersion5()
              .identifier(id)
              .serverHost("127.0.0.1")
              .serverPort(port)
              .buildAsync();
      connected.add(device.connect());
      devices.add(device);
      topics.add(DeviceTopic.telemetry(id).topic());
      // Connect in slices, so a broker on two cores is not handed 10,000 CONNECTs at once.
      if (connected.size() == 500) {
        CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).join();
        connected.clear();
      }
    }
    CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).join();
  }

  /** Messages acknowledged with success since the devices connected. */
  long published() {
    return published.get();
  }

  /** Publishes refused or failed since the devices connected. */
  long refused() {
    return refused.get();
  }

  /** Waits (up to {@code atMost}) until no publish awaits its PUBACK; true if none does. */
  boolean drain(Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return inFlight.get() == 0;
  }

  /**
   * Every device keeps {@code window} publishes in flight, for {@code warmup} and then {@code
   * measured}; counts and times the measured part.
   */
  Result saturate(int window, Duration warmup, Duration measured) throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    Phase phase = new Phase();
    for (int d = 0; d < devices.size(); d++) {
      for (int w = 0; w < window; w++) {
        chain(d, running, phase);
      }
    }
    return phase.measure(warmup, measured, () -> running.set(false));
  }

  /** Publishes {@code perSecond} messages a second, spread over the devices. */
  Result paced(int perSecond, Duration warmup, Duration measured) throws InterruptedException {
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    Phase phase = new Phase();
    int tickMillis = 10;
    int perTick = Math.max(1, perSecond * tickMillis / 1000);
    AtomicLong next = new AtomicLong();
    ticker.scheduleAtFixedRate(
        () -> {
          for (int i = 0; i < perTick; i++) {
            int d = (int) (next.getAndIncrement() % devices.size());
            send(d, phase);
          }
        },
        0,
        tickMillis,
        TimeUnit.MILLISECONDS);
    try {
      return phase.measure(warmup, measured, ticker::shutdownNow);
    } finally {
      ticker.shutdownNow();
    }
  }

  @Override
  public void close() {
    List<CompletableFuture<?>> closing = new ArrayList<>();
    for (Mqtt5AsyncClient device : devices) {
      closing.add(device.disconnect().exceptionally(error -> null));
    }
    CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
  }

  private void chain(int device, AtomicBoolean running, Phase phase) {
    if (!running.get()) {
      return;
    }
    send(device, phase).whenComplete((ok, error) -> chain(device, running, phase));
  }

  private CompletableFuture<Mqtt5PublishResult> send(int device, Phase phase) {
    long seq = sequence.incrementAndGet();
    Mqtt5Publish publish =
        Mqtt5Publish.builder()
            .topic(topics.get(device))
            .qos(MqttQos.AT_LEAST_ONCE)
            .payload(
                TelemetryMessage.builder()
                    // Unique per message: a point of its own in InfluxDB, whatever the rate.
                    .timestamp(firstTimestamp.plusMillis(seq))
                    .sequence(seq)
                    .metric("temperature", 20.0 + (seq % 100) / 10.0)
                    .metric("humidity", seq % 100)
                    .metric("n", seq)
                    .build()
                    .toPayload())
            .build();
    long start = System.nanoTime();
    inFlight.incrementAndGet();
    return devices
        .get(device)
        .publish(publish)
        .whenComplete(
            (result, error) -> {
              if (error == null && accepted(result)) {
                published.incrementAndGet();
                phase.record(System.nanoTime() - start);
              } else {
                refused.incrementAndGet();
                phase.refused();
              }
              inFlight.decrementAndGet();
            });
  }

  private static boolean accepted(Mqtt5PublishResult result) {
    return result.getError().isEmpty()
        && result instanceof Mqtt5Qos1Result qos1
        && !qos1.getPubAck().getReasonCode().isError();
  }

  /** Counts and times acknowledgements once the warm-up is over. */
  private static final class Phase {
    private final Recorder latency = new Recorder(3);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean measuring;

    void record(long nanos) {
      if (measuring) {
        latency.recordValue(nanos);
        acknowledged.incrementAndGet();
      }
    }

    void refused() {
      if (measuring) {
        refused.incrementAndGet();
      }
    }

    Result measure(Duration warmup, Duration measured, Runnable stop) throws InterruptedException {
      Thread.sleep(warmup.toMillis());
      latency.reset();
      measuring = true;
      long start = System.nanoTime();
      Thread.sleep(measured.toMillis());
      measuring = false;
      double seconds = (System.nanoTime() - start) / 1e9;
      stop.run();
      return new Result(acknowledged.get(), refused.get(), seconds, latency.getIntervalHistogram());
    }
  }
}
