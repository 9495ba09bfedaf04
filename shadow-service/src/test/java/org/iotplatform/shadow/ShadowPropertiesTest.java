package org.iotplatform.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.iotplatform.shadow.document.ShadowLimits;
import org.iotplatform.shadow.store.ShadowStoreProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ShadowPropertiesTest {

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    Binder binder = new Binder(new MapConfigurationPropertySource(Map.of()));

    assertThat(binder.bindOrCreate("iot.shadow.store", ShadowStoreProperties.class))
        .isEqualTo(
            new ShadowStoreProperties(
                "redis://127.0.0.1:16379", 20, Duration.ofSeconds(5), Duration.ofSeconds(30)));
    assertThat(binder.bindOrCreate("iot.shadow.limits", ShadowLimitsProperties.class).toLimits())
        .isEqualTo(ShadowLimits.DEFAULTS);
  }

  @Test
  void bindsGivenValuesAndRefusesAnEmptyHistory() {
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of(
                    "iot.shadow.store.history-length", "0",
                    "iot.shadow.limits.max-stored-bytes", "1024")));

    assertThat(binder.bindOrCreate("iot.shadow.limits", ShadowLimitsProperties.class).toLimits())
        .isEqualTo(new ShadowLimits(1024, 8, 128));
    assertThatThrownBy(() -> binder.bindOrCreate("iot.shadow.store", ShadowStoreProperties.class))
        .isInstanceOf(BindException.class)
        .hasRootCauseMessage("history-length must be at least 1, not 0");
  }
}
