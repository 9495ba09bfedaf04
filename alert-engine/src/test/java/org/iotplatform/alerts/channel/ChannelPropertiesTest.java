package org.iotplatform.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ChannelPropertiesTest {

  @Test
  void bindsTheDefaults() {
    ChannelProperties underTest =
        new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("iot.alerts.channels", ChannelProperties.class);

    assertThat(underTest).isEqualTo(new ChannelProperties(Duration.ofSeconds(30), 10_000));
  }
}
