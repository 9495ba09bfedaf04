package org.iotplatform.alerts.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class NotificationPropertiesTest {

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    assertThat(bind(Map.of()))
        .isEqualTo(
            new NotificationProperties(
                true,
                List.of("FIRED", "RESOLVED"),
                Duration.ofSeconds(30),
                20,
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                4,
                8,
                Duration.ofSeconds(5),
                Duration.ofMinutes(10),
                0.2,
                "alerts@iot-platform.invalid"));
  }

  @Test
  void bindsOnlyFiredNotifications() {
    assertThat(bind(Map.of("iot.alerts.notifications.notify-on", "FIRED")).notifyOn())
        .containsExactly("FIRED");
  }

  @Test
  void refusesAJitterAboveOne() {
    assertThatThrownBy(() -> bind(Map.of("iot.alerts.notifications.jitter", "1.5")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("jitter must be from 0 to 1");
  }

  private static NotificationProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("iot.alerts.notifications", NotificationProperties.class);
  }
}
