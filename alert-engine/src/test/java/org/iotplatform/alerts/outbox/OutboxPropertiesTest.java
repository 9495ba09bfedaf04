package org.iotplatform.alerts.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class OutboxPropertiesTest {

  @Test
  void bindsTheDefaults() {
    OutboxProperties underTest =
        new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("iot.alerts.outbox", OutboxProperties.class);

    assertThat(underTest)
        .isEqualTo(
            new OutboxProperties(
                Duration.ofMillis(200),
                100,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofDays(7)));
  }
}
