package org.iotplatform.bridge.internal.forwarding;

import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.internal.auth.DeviceTopicPolicy;

/** Wires the forwarding feature. */
public final class Forwarding {

  // Lets Kafka's own verdict (bounded by max.block.ms plus delivery.timeout.ms) arrive before the
  // broker gives up on the publish.
  private static final Duration ACK_TIMEOUT_MARGIN = Duration.ofSeconds(2);

  private Forwarding() {}

  /** The interceptor forwarding device publishes through {@code producer}. */
  public static ForwardingInterceptor interceptor(
      BridgeConfig config,
      DeviceTopicPolicy policy,
      Producer<byte[], byte[]> producer,
      MetricRegistry metrics) {
    return interceptor(config, policy, producer, metrics, deviceId -> config.tenantId());
  }

  /**
   * The interceptor forwarding device publishes through {@code producer}, with the tenant {@code
   * tenantOf} gives for each device (quick and thread-safe).
   */
  public static ForwardingInterceptor interceptor(
      BridgeConfig config,
      DeviceTopicPolicy policy,
      Producer<byte[], byte[]> producer,
      MetricRegistry metrics,
      Function<String, String> tenantOf) {
    return new ForwardingInterceptor(
        policy,
        new PublishRouter(config.topics()),
        new RecordFactory(tenantOf),
        new KafkaSender(producer, new ForwardingMetrics(metrics)),
        ackTimeout(config));
  }

  /** How long a QoS 1 or 2 publish may wait for Kafka. */
  static Duration ackTimeout(BridgeConfig config) {
    return config.producer().maxBlock().plus(config.sendTimeout()).plus(ACK_TIMEOUT_MARGIN);
  }
}
