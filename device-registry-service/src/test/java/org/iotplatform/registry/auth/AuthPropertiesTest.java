package org.iotplatform.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AuthPropertiesTest {

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    Binder binder = new Binder(new MapConfigurationPropertySource(Map.of()));

    assertThat(binder.bindOrCreate("iot.registry.auth", AuthProperties.class))
        .isEqualTo(
            new AuthProperties(
                "http://127.0.0.1:18081", Duration.ofMinutes(15), Path.of("var/registry/jwt")));
    assertThat(binder.bindOrCreate("iot.registry.bootstrap", BootstrapProperties.class))
        .isEqualTo(new BootstrapProperties(null, "default"));
  }

  @Test
  void bindsGivenValues() {
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of(
                    "iot.registry.auth.issuer", "https://registry.example.org",
                    "iot.registry.auth.token-ttl", "5m",
                    "iot.registry.auth.key-dir", "/srv/keys",
                    "iot.registry.bootstrap.admin-key-file", "var/admin-api-key")));

    assertThat(binder.bindOrCreate("iot.registry.auth", AuthProperties.class))
        .isEqualTo(
            new AuthProperties(
                "https://registry.example.org", Duration.ofMinutes(5), Path.of("/srv/keys")));
    assertThat(binder.bindOrCreate("iot.registry.bootstrap", BootstrapProperties.class))
        .isEqualTo(new BootstrapProperties(Path.of("var/admin-api-key"), "default"));
  }

  @Test
  void refusesATokenLifetimeOfZero() {
    Binder binder =
        new Binder(new MapConfigurationPropertySource(Map.of("iot.registry.auth.token-ttl", "0s")));

    assertThatThrownBy(() -> binder.bindOrCreate("iot.registry.auth", AuthProperties.class))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("tokenTtl");
  }
}
