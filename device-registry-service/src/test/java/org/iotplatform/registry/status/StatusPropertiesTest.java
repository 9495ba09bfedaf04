package org.iotplatform.registry.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StatusPropertiesTest {

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    assertThat(bind(Map.of()))
        .isEqualTo(
            new StatusProperties(
                true,
                "device-registry-status",
                Duration.ofSeconds(2),
                Duration.ofMinutes(5),
                5000,
                1_000_000));
  }

  @Test
  void bindsGivenValues() {
    StatusProperties underTest =
        bind(
            Map.of(
                "iot.registry.status.enabled", "false",
                "iot.registry.status.group-id", "g",
                "iot.registry.status.flush-interval", "100ms",
                "iot.registry.status.last-seen-resolution", "0s",
                "iot.registry.status.batch-size", "3",
                "iot.registry.status.remembered-devices", "10"));

    assertThat(underTest)
        .isEqualTo(new StatusProperties(false, "g", Duration.ofMillis(100), Duration.ZERO, 3, 10));
  }

  @Test
  void refusesAFlushIntervalOfZero() {
    assertThatThrownBy(() -> bind(Map.of("iot.registry.status.flush-interval", "0s")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("flushInterval must be positive");
  }

  private static StatusProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("iot.registry.status", StatusProperties.class);
  }
}
