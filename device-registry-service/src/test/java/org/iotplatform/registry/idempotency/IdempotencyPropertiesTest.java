package org.iotplatform.registry.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class IdempotencyPropertiesTest {

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    IdempotencyProperties underTest = bind(Map.of());

    assertThat(underTest)
        .isEqualTo(
            new IdempotencyProperties(
                Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofMinutes(10)));
  }

  @Test
  void bindsGivenValues() {
    IdempotencyProperties underTest =
        bind(
            Map.of(
                "iot.registry.idempotency.retention", "1h",
                "iot.registry.idempotency.lease", "30s",
                "iot.registry.idempotency.cleanup-interval", "5s"));

    assertThat(underTest)
        .isEqualTo(
            new IdempotencyProperties(
                Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(5)));
  }

  @Test
  void refusesALeaseLongerThanTheRetention() {
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "iot.registry.idempotency.retention", "1m",
                        "iot.registry.idempotency.lease", "2m")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("lease");
  }

  private static IdempotencyProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("iot.registry.idempotency", IdempotencyProperties.class);
  }
}
