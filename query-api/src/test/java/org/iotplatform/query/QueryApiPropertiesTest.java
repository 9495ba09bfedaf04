package org.iotplatform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class QueryApiPropertiesTest {

  @Test
  void bindsDefaultsWhenNothingIsConfigured() {
    QueryApiProperties properties = bind(Map.of());

    assertThat(properties.influx().url()).isEqualTo(URI.create("http://127.0.0.1:18086"));
    assertThat(properties.influx().database()).isEqualTo("iot");
    assertThat(properties.influx().retentionPolicy()).isEqualTo("raw");
    assertThat(properties.influx().username()).isNull();
    assertThat(properties.influx().password()).isNull();
    assertThat(properties.influx().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(properties.influx().readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(properties.telemetry().maxRange()).isEqualTo(Duration.ofDays(31));
    assertThat(properties.telemetry().defaultLimit()).isEqualTo(1000);
    assertThat(properties.telemetry().maxLimit()).isEqualTo(10000);
  }

  @Test
  void keepsTheOtherDefaultsWhenOneKeyIsSet() {
    QueryApiProperties properties =
        bind(
            Map.of(
                "iot.query.influx.url",
                "http://127.0.0.1:9999",
                "iot.query.telemetry.max-range",
                "2h"));

    assertThat(properties.influx().url()).isEqualTo(URI.create("http://127.0.0.1:9999"));
    assertThat(properties.influx().database()).isEqualTo("iot");
    assertThat(properties.telemetry().maxRange()).isEqualTo(Duration.ofHours(2));
    assertThat(properties.telemetry().maxLimit()).isEqualTo(10000);
  }

  @Test
  void rejectsADefaultLimitAboveTheMaximum() {
    assertThatExceptionOfType(BindException.class)
        .isThrownBy(() -> bind(Map.of("iot.query.telemetry.default-limit", "20000")));
  }

  private static QueryApiProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("iot.query", QueryApiProperties.class);
  }
}
