package org.iotplatform.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LifecyclePropertiesTest {

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    assertThat(bind(Map.of()))
        .isEqualTo(
            new LifecycleProperties(
                true, "iot.alerts.v1", "alert-engine", Duration.ofSeconds(1), 500));
  }

  @Test
  void refusesARetryPauseOfZero() {
    assertThatThrownBy(() -> bind(Map.of("iot.alerts.lifecycle.retry-pause", "0s")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("retryPause must be positive");
  }

  private static LifecycleProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("iot.alerts.lifecycle", LifecycleProperties.class);
  }
}
