package org.iotplatform.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class IotSecurityPropertiesTest {

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    IotSecurityProperties underTest = bind(Map.of());

    assertThat(underTest.jwt().jwkSetUri())
        .isEqualTo(URI.create("http://127.0.0.1:18081/api/v1/auth/jwks"));
    assertThat(underTest.jwt().issuerUri()).isNull();
    assertThat(underTest.jwt().publicKeyLocation()).isNull();
    assertThat(underTest.jwt().audiences()).isEmpty();
    assertThat(underTest.jwt().clockSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(underTest.claims().tenant()).isEqualTo("tenant");
    assertThat(underTest.claims().roles()).isEqualTo("roles");
  }

  @Test
  void bindsAnExternalIssuersSettings() {
    IotSecurityProperties underTest =
        bind(
            Map.of(
                "iot.security.jwt.issuer-uri", "https://login.example.org/realms/iot",
                "iot.security.jwt.audiences", "iot-api,iot-dashboard",
                "iot.security.claims.tenant", "org_id",
                "iot.security.claims.roles", "groups"));

    assertThat(underTest.jwt().issuerUri())
        .isEqualTo(URI.create("https://login.example.org/realms/iot"));
    assertThat(underTest.jwt().audiences()).isEqualTo(List.of("iot-api", "iot-dashboard"));
    assertThat(underTest.claims().tenant()).isEqualTo("org_id");
    assertThat(underTest.claims().roles()).isEqualTo("groups");
  }

  private static IotSecurityProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("iot.security", IotSecurityProperties.class);
  }
}
