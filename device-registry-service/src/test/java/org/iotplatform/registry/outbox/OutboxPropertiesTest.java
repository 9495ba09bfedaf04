package org.iotplatform.registry.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class OutboxPropertiesTest {

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
  void bindsGivenValues() {
    OutboxProperties underTest =
        bind(
            Map.of(
                "iot.registry.outbox.interval", "50ms",
                "iot.registry.outbox.batch-size", "7",
                "iot.registry.outbox.max-backoff", "2s",
                "iot.registry.outbox.send-timeout", "3s",
                "iot.registry.outbox.retention", "1h"));

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
  void refusesABatchSizeBelowOne() {
    assertThatThrownBy(() -> bind(Map.of("iot.registry.outbox.batch-size", "0")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("batchSize");
  }

  private static OutboxProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("iot.registry.outbox", OutboxProperties.class);
  }
}
