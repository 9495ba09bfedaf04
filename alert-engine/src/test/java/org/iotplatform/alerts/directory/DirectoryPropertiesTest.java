package org.iotplatform.alerts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DirectoryPropertiesTest {

  @Test
  void bindsTheDefaults() {
    DirectoryProperties underTest =
        new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("iot.alerts.directory", DirectoryProperties.class);

    assertThat(underTest).isEqualTo(new DirectoryProperties(true, "alert-engine-directory"));
  }
}
