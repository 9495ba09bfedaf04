package org.iotplatform.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.iotplatform.bridge.BridgeConfig.ProducerTuning;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.Tenants;
import org.junit.jupiter.api.Test;

class BridgeConfigTest {

  @Test
  void defaultsToTheContractTopicsAndTheDefaultTenant() {
    BridgeConfig underTest = BridgeConfig.defaults("k:9092");

    assertThat(underTest.tenantId()).isEqualTo(Tenants.DEFAULT);
    assertThat(underTest.topics().telemetry()).isEqualTo(KafkaTopics.TELEMETRY);
    assertThat(underTest.topics().deviceEvents()).isEqualTo(KafkaTopics.DEVICE_EVENTS);
    assertThat(underTest.topics().shadow()).isEqualTo(KafkaTopics.SHADOW);
    assertThat(underTest.sendTimeout()).isEqualTo(BridgeConfig.DEFAULT_SEND_TIMEOUT);
    assertThat(underTest.topics().devices()).isEqualTo(KafkaTopics.DEVICES);
  }

  @Test
  void defaultsToNoAuthenticationWithABoundedViewAndCache() {
    BridgeConfig.Auth underTest = BridgeConfig.defaults("k:9092").auth();

    assertThat(underTest.mode()).isEqualTo(BridgeConfig.AuthMode.NONE);
    assertThat(underTest.maxDevices()).isEqualTo(1_000_000);
    assertThat(underTest.tokenCacheSize()).isEqualTo(200_000);
    assertThat(underTest.tokenCacheExpiry()).isEqualTo(Duration.ofHours(1));
    assertThat(underTest.recheckInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(underTest.maxFailedAttempts()).isEqualTo(5);
    assertThat(underTest.failedAttemptsWindow()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void defaultsToA64KibPayloadLimitNoRateLimitAndABoundedInFlight() {
    BridgeConfig.Limits underTest = BridgeConfig.defaults("k:9092").limits();

    assertThat(underTest.maxPayloadBytes()).isEqualTo(65_536);
    assertThat(underTest.rateLimited()).isFalse();
    assertThat(underTest.publishBurst()).isEqualTo(1_000);
    assertThat(underTest.maxInFlightBytes()).isEqualTo(16L * 1024 * 1024);
  }

  @Test
  void rejectsANegativePublishRate() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BridgeConfig.Limits(1024, -1, 10, 4096))
        .withMessageContaining("publishes per second");
  }

  @Test
  void defaultsToTheContractDownlinkTopicAndANodeIdDerivedAtStart() {
    BridgeConfig.Downlink underTest = BridgeConfig.defaults("k:9092").downlink();

    assertThat(underTest.topic()).isEqualTo(KafkaTopics.DOWNLINK);
    assertThat(underTest.nodeId()).isNull();
    assertThat(underTest.maxPollRecords()).isEqualTo(500);
  }

  @Test
  void rejectsADownlinkNodeIdThatCannotNameAGroupSafely() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BridgeConfig.Downlink.defaults().withNodeId("node 1/a"))
        .withMessageContaining("node id");
  }

  @Test
  void rejectsMoreInFlightRequestsThanAnIdempotentProducerAllows() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProducerTuning(Duration.ZERO, 16_384, 6, Duration.ofSeconds(1)))
        .withMessageContaining("in-flight");
  }

  @Test
  void rejectsASendTimeoutKafkaCannotMeet() {
    BridgeConfig underTest = BridgeConfig.defaults("k:9092");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> underTest.withSendTimeout(Duration.ofMillis(500)));
  }

  @Test
  void rejectsMissingBootstrapServers() {
    assertThatIllegalArgumentException().isThrownBy(() -> BridgeConfig.defaults(" "));
  }
}
