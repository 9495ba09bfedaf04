package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.BridgeConfig.ProducerTuning;
import org.iotplatform.bridge.internal.auth.DeviceTopicAuthorizer;
import org.iotplatform.bridge.internal.auth.DeviceTopicPolicy;
import org.junit.jupiter.api.Test;

class ForwardingTest {

  @Test
  void waitsForKafkasVerdictLongerThanKafkaCanTake() {
    BridgeConfig config =
        BridgeConfig.defaults("k:9092")
            .withProducer(new ProducerTuning(Duration.ZERO, 16_384, 5, Duration.ofSeconds(3)))
            .withSendTimeout(Duration.ofSeconds(10));

    assertThat(Forwarding.ackTimeout(config)).isGreaterThan(Duration.ofSeconds(13));
  }

  @Test
  void holdsAPubackLongerThanAPublishMayWaitForKafka() {
    BridgeConfig config = BridgeConfig.defaults("k:9092");

    assertThat(Forwarding.gateTimeout(config))
        .isGreaterThan(Forwarding.ackTimeout(config).multipliedBy(2));
  }

  private static final Disconnector NO_DISCONNECT =
      (clientId, reason) -> java.util.concurrent.CompletableFuture.completedFuture(true);

  @Test
  void publishesInFlightGaugesAndReplacesThoseOfAnEarlierStart() {
    MetricRegistry registry = new MetricRegistry();
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    BridgeConfig config = BridgeConfig.defaults("k:9092");

    try (Forwarding first =
            Forwarding.start(
                config,
                new DeviceTopicAuthorizer(new DeviceTopicPolicy(), registry),
                producer,
                registry,
                id -> "default",
                NO_DISCONNECT);
        Forwarding second =
            Forwarding.start(
                config,
                new DeviceTopicAuthorizer(new DeviceTopicPolicy(), registry),
                producer,
                registry,
                id -> "default",
                NO_DISCONNECT)) {
      assertThat(registry.getGauges())
          .containsKeys(
              ForwardingMetrics.IN_FLIGHT_BYTES,
              ForwardingMetrics.IN_FLIGHT_RECORDS,
              ForwardingMetrics.IN_FLIGHT_WAITING,
              ForwardingMetrics.IN_FLIGHT_PEAK_BYTES,
              ForwardingMetrics.PUBACKS_PENDING);
      assertThat(registry.getGauges().get(ForwardingMetrics.PUBACKS_PENDING).getValue())
          .isEqualTo(0);
      assertThat(second.interceptor()).isNotSameAs(first.interceptor());
      assertThat(second.ackGate()).isNotSameAs(first.ackGate());
    }
  }
}
