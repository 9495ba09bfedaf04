package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class ProvisioningPropertiesTest {

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    ProvisioningProperties underTest = bind(Map.of());

    assertThat(underTest)
        .isEqualTo(new ProvisioningProperties(1000, DataSize.ofKilobytes(16), 100_000, 1000));
  }

  @Test
  void bindsGivenValues() {
    ProvisioningProperties underTest =
        bind(
            Map.of(
                "iot.registry.provisioning.batch-size", "50",
                "iot.registry.provisioning.max-line-size", "1KB",
                "iot.registry.provisioning.max-lines", "7",
                "iot.registry.provisioning.max-reported-failures", "3"));

    assertThat(underTest).isEqualTo(new ProvisioningProperties(50, DataSize.ofKilobytes(1), 7, 3));
  }

  @Test
  void refusesABatchSizeBelowOne() {
    assertThatThrownBy(() -> bind(Map.of("iot.registry.provisioning.batch-size", "0")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("batchSize");
  }

  private static ProvisioningProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("iot.registry.provisioning", ProvisioningProperties.class);
  }
}
