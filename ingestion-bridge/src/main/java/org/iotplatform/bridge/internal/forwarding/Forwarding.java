package org.iotplatform.bridge.internal.forwarding;

import com.codahale.metrics.MetricRegistry;
import com.hivemq.extension.sdk.api.client.ClientContext;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.internal.auth.DeviceTopicAuthorizer;
import org.iotplatform.bridge.internal.limits.PublishLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forwarding feature: its interceptor, the PUBACK gate beside it, and the single hand-off
 * thread that gives records to the Kafka producer. One thread keeps each device's records in the
 * order it published them, and a {@code send} waiting for Kafka's metadata holds up only that
 * thread, never the broker's. Close it before the producer.
 */
public final class Forwarding implements AutoCloseable {

  // Lets Kafka's own verdict (bounded by max.block.ms plus delivery.timeout.ms) arrive before the
  // broker gives up on the publish.
  private static final Duration ACK_TIMEOUT_MARGIN = Duration.ofSeconds(2);

  // A disconnect goes through the client's channel: moments, unless the broker is stuck.
  private static final Duration DISCONNECT_MARGIN = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(Forwarding.class);

  private final ForwardingInterceptor interceptor;
  private final AckGate gate;
  private final ExecutorService handOff;
  private final Duration closeTimeout;

  private Forwarding(
      ForwardingInterceptor interceptor,
      AckGate gate,
      ExecutorService handOff,
      Duration closeTimeout) {
    this.interceptor = interceptor;
    this.gate = gate;
    this.handOff = handOff;
    this.closeTimeout = closeTimeout;
  }

  /**
   * Starts forwarding through {@code producer}, with the tenant {@code tenantOf} gives for each
   * device (quick and thread-safe); {@code disconnector} ends the connection of a device whose
   * publish the broker went on with and Kafka then refused (ADR 0024).
   */
  public static Forwarding start(
      BridgeConfig config,
      DeviceTopicAuthorizer authorizer,
      Producer<byte[], byte[]> producer,
      MetricRegistry registry,
      Function<String, String> tenantOf,
      Disconnector disconnector) {
    ForwardingMetrics metrics = new ForwardingMetrics(registry);
    PendingAcks acks = new PendingAcks();
    InFlight inFlight = new InFlight(config.limits().maxInFlightBytes());
    metrics.watch(inFlight, acks);
    ExecutorService handOff =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "iot-bridge-kafka-hand-off");
              thread.setDaemon(true);
              return thread;
            });
    ForwardingInterceptor interceptor =
        new ForwardingInterceptor(
            authorizer,
            new PublishRouter(config.topics()),
            new PublishLimits(config.limits()),
            new RecordFactory(tenantOf),
            inFlight,
            handOff,
            new KafkaSender(producer, metrics),
            metrics,
            ackTimeout(config),
            acks,
            disconnector);
    AckGate gate = new AckGate(acks, gateTimeout(config));
    return new Forwarding(interceptor, gate, handOff, config.producer().maxBlock());
  }

  /**
   * Sets up a connecting client: the interceptor for its publishes, the gate for the PUBACKs the
   * broker sends it.
   */
  public void addTo(ClientContext client) {
    client.addPublishInboundInterceptor(interceptor);
    client.addPubackOutboundInterceptor(gate);
  }

  ForwardingInterceptor interceptor() {
    return interceptor;
  }

  AckGate ackGate() {
    return gate;
  }

  /** Stops taking publishes and hands what it holds to the producer. */
  @Override
  public void close() {
    handOff.shutdown();
    try {
      // Each pending send blocks at most max.block.ms; one bound covers the usual case.
      if (!handOff.awaitTermination(closeTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
        log.warn("Records still waiting for the Kafka producer at stop: {}", handOff);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * How long the gate may hold a PUBACK: a record sent within the ack timeout gets Kafka's answer
   * within max.block.ms plus delivery.timeout.ms, and a refused device's disconnect takes moments.
   * The broker sends the PUBACK unchanged when this expires, so it must never be what decides.
   */
  static Duration gateTimeout(BridgeConfig config) {
    return ackTimeout(config).multipliedBy(2).plus(DISCONNECT_MARGIN);
  }

  /** How long a QoS 1 or 2 publish may wait for room in flight and for Kafka. */
  static Duration ackTimeout(BridgeConfig config) {
    return config.producer().maxBlock().plus(config.sendTimeout()).plus(ACK_TIMEOUT_MARGIN);
  }
}
