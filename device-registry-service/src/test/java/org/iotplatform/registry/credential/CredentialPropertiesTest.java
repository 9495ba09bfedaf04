package org.iotplatform.registry.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CredentialPropertiesTest {

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    CredentialProperties underTest = bind(Map.of());

    assertThat(underTest)
        .isEqualTo(
            new CredentialProperties(
                Duration.ofDays(365),
                Duration.ofDays(3650),
                Duration.ofHours(24),
                Duration.ofDays(30)));
  }

  @Test
  void bindsGivenValues() {
    CredentialProperties underTest =
        bind(
            Map.of(
                "iot.registry.credentials.certificate-validity", "30d",
                "iot.registry.credentials.max-validity", "90d",
                "iot.registry.credentials.rotation-overlap", "1h",
                "iot.registry.credentials.max-rotation-overlap", "2d"));

    assertThat(underTest)
        .isEqualTo(
            new CredentialProperties(
                Duration.ofDays(30), Duration.ofDays(90), Duration.ofHours(1), Duration.ofDays(2)));
  }

  @Test
  void refusesADefaultValidityAboveTheMaximum() {
    assertThatThrownBy(() -> bind(Map.of("iot.registry.credentials.max-validity", "30d")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("certificateValidity");
  }

  @Test
  void refusesANegativeOverlap() {
    assertThatThrownBy(() -> bind(Map.of("iot.registry.credentials.rotation-overlap", "-1h")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("rotationOverlap");
  }

  private static CredentialProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("iot.registry.credentials", CredentialProperties.class);
  }
}
