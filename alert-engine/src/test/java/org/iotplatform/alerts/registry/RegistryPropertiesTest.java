package org.iotplatform.alerts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RegistryPropertiesTest {

  @Test
  void bindsTheDefaults() {
    RegistryProperties underTest =
        new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("iot.alerts.registry", RegistryProperties.class);

    assertThat(underTest)
        .isEqualTo(
            new RegistryProperties(
                URI.create("http://127.0.0.1:18081"), Duration.ofSeconds(5), 10_000));
  }
}
