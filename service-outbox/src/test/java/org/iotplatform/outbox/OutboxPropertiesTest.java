package org.iotplatform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.mock.env.MockEnvironment;

class OutboxPropertiesTest {

  private static final String PREFIX = "iot.some-service.outbox";

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    OutboxProperties underTest = bind(Map.of());

    assertThat(underTest)
        .isEqualTo(
            new OutboxProperties(
                Duration.ofMillis(200),
                100,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofDays(7)));
  }

  @Test
  void bindsGivenValuesUnderTheServicesPrefix() {
    OutboxProperties underTest =
        bind(
            Map.of(
                PREFIX + ".interval", "50ms",
                PREFIX + ".batch-size", "7",
                PREFIX + ".max-backoff", "2s",
                PREFIX + ".send-timeout", "3s",
                PREFIX + ".retention", "1h"));

    assertThat(underTest)
        .isEqualTo(
            new OutboxProperties(
                Duration.ofMillis(50),
                7,
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                Duration.ofHours(1)));
  }

  @Test
  void ignoresAnotherServicesPrefix() {
    OutboxProperties underTest = bind(Map.of("iot.other.outbox.batch-size", "7"));

    assertThat(underTest.batchSize()).isEqualTo(100);
  }

  @Test
  void refusesABatchSizeBelowOne() {
    assertThatThrownBy(() -> bind(Map.of(PREFIX + ".batch-size", "0")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("batchSize");
  }

  @Test
  void refusesAMaxBackoffShorterThanTheInterval() {
    assertThatThrownBy(() -> bind(Map.of(PREFIX + ".max-backoff", "100ms")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("maxBackoff");
  }

  private static OutboxProperties bind(Map<String, String> properties) {
    var environment = new MockEnvironment();
    properties.forEach(environment::setProperty);
    return OutboxProperties.bind(environment, PREFIX);
  }
}
