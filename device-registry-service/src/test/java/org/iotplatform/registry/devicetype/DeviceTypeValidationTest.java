package org.iotplatform.registry.devicetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DeviceTypeValidationTest {

  @Test
  void refusesMissingAndMalformedNames() {
    assertRefused(() -> DeviceTypeValidation.name(null));
    assertRefused(() -> DeviceTypeValidation.name("has space"));
  }

  @Test
  void refusesAMinAboveTheMax() {
    assertRefused(
        () -> DeviceTypeValidation.metrics(Map.of("t", new MetricRange("Cel", 10.0, 0.0))));
  }

  @Test
  void acceptsOpenBoundsAndEqualBounds() {
    var metrics =
        Map.of(
            "a", new MetricRange(null, null, 5.0),
            "b", new MetricRange("V", 3.0, 3.0));

    assertThat(DeviceTypeValidation.metrics(metrics)).isEqualTo(metrics);
  }

  @Test
  void readsAMetricWithoutARangeAsUnbounded() {
    Map<String, MetricRange> metrics = new HashMap<>();
    metrics.put("door", null);

    assertThat(DeviceTypeValidation.metrics(metrics))
        .containsEntry("door", new MetricRange(null, null, null));
  }

  @Test
  void refusesMetricNamesOutsideTheAlphabet() {
    assertRefused(
        () ->
            DeviceTypeValidation.metrics(
                Map.of("temp erature", new MetricRange(null, null, null))));
  }

  private static void assertRefused(Executable call) {
    assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(RegistryError.DEVICE_TYPE_INVALID));
  }
}
