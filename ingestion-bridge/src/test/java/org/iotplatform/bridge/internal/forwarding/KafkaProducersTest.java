package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.BridgeConfig.ProducerTuning;
import org.junit.jupiter.api.Test;

class KafkaProducersTest {

  @Test
  void makesEveryAcknowledgedRecordDurableAndDuplicateFree() {
    Map<String, Object> underTest = KafkaProducers.properties(BridgeConfig.defaults("k:9092"));

    assertThat(underTest)
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
  }

  @Test
  void boundsDeliveryBySendTimeoutWithinKafkasConstraint() {
    BridgeConfig config =
        BridgeConfig.defaults("k:9092")
            .withProducer(
                new ProducerTuning(Duration.ofMillis(20), 65_536, 3, Duration.ofSeconds(1)))
            .withSendTimeout(Duration.ofSeconds(4));

    Map<String, Object> underTest = KafkaProducers.properties(config);

    assertThat(underTest)
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4_000)
        .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_980)
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
        .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 65_536)
        .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 3)
        .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000L);
  }

  @Test
  void capsTheRequestTimeoutForLongSendTimeouts() {
    Map<String, Object> underTest =
        KafkaProducers.properties(
            BridgeConfig.defaults("k:9092").withSendTimeout(Duration.ofMinutes(2)));

    assertThat(underTest).containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
  }

  @Test
  void sizesTheProducerBufferAboveTheBridgesInFlightBound() {
    BridgeConfig config =
        BridgeConfig.defaults("k:9092")
            .withLimits(new BridgeConfig.Limits(65_536, 0, 1, 64L * 1024 * 1024));

    assertThat(KafkaProducers.properties(config))
        .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
    assertThat(KafkaProducers.properties(BridgeConfig.defaults("k:9092")))
        .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
  }

  @Test
  void createsAProducerWithoutContactingKafka() {
    try (var producer = KafkaProducers.create(BridgeConfig.defaults("127.0.0.1:1"))) {
      assertThat(producer).isNotNull();
    }
  }
}
