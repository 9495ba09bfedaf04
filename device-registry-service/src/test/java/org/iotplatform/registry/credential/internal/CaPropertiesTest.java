package org.iotplatform.registry.credential.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CaPropertiesTest {

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    CaProperties underTest = bind(Map.of());

    assertThat(underTest)
        .isEqualTo(
            new CaProperties(
                Path.of("var/registry/ca"),
                null,
                null,
                "CN=IoT platform device CA",
                Duration.ofDays(3650)));
    assertThat(underTest.external()).isFalse();
  }

  @Test
  void bindsAnExternalCa() {
    CaProperties underTest =
        bind(
            Map.of(
                "iot.registry.ca.certificate", "/etc/iot/ca.pem",
                "iot.registry.ca.private-key", "/etc/iot/ca.key"));

    assertThat(underTest.certificate()).isEqualTo(Path.of("/etc/iot/ca.pem"));
    assertThat(underTest.privateKey()).isEqualTo(Path.of("/etc/iot/ca.key"));
    assertThat(underTest.external()).isTrue();
  }

  @Test
  void refusesAnExternalCertificateWithoutItsKey() {
    assertThatThrownBy(() -> bind(Map.of("iot.registry.ca.certificate", "/etc/iot/ca.pem")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("go together");
  }

  private static CaProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("iot.registry.ca", CaProperties.class);
  }
}
