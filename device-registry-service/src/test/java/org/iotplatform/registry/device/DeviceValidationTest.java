package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceValidationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "has space",
        "slash/",
        "plus+",
        "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
      })
  void refusesIdsOutsideTheContract(String id) {
    assertRefused(RegistryError.DEVICE_INVALID_ID, () -> DeviceValidation.id(id));
  }

  @Test
  void refusesAMissingId() {
    assertRefused(RegistryError.DEVICE_INVALID_ID, () -> DeviceValidation.id(null));
  }

  @Test
  void acceptsAnIdOfTheContractsAlphabet() {
    assertThat(DeviceValidation.id("Thermo_1.a-b")).isEqualTo("Thermo_1.a-b");
  }

  @Test
  void refusesAMissingType() {
    assertRefused(RegistryError.DEVICE_INVALID, () -> DeviceValidation.type(null));
  }

  @Test
  void refusesALocationWithOneCoordinateOrOutOfRange() {
    assertRefused(
        RegistryError.DEVICE_INVALID, () -> DeviceValidation.location(new Location(1.0, null)));
    assertRefused(
        RegistryError.DEVICE_INVALID, () -> DeviceValidation.location(new Location(-90.5, 0.0)));
    assertRefused(
        RegistryError.DEVICE_INVALID, () -> DeviceValidation.location(new Location(0.0, 180.5)));
  }

  @Test
  void refusesALocationThatIsNotANumber() {
    assertRefused(
        RegistryError.DEVICE_INVALID,
        () -> DeviceValidation.location(new Location(Double.NaN, 0.0)));
    assertRefused(
        RegistryError.DEVICE_INVALID,
        () -> DeviceValidation.location(new Location(0.0, Double.POSITIVE_INFINITY)));
  }

  @Test
  void acceptsTheEdgesOfTheWorld() {
    assertThat(DeviceValidation.location(new Location(-90.0, 180.0))).isNotNull();
  }

  @Test
  void refusesLabelKeysWithAColonAndMissingValues() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("site", null);

    assertRefused(RegistryError.DEVICE_INVALID, () -> DeviceValidation.labels(Map.of("a:b", "c")));
    assertRefused(RegistryError.DEVICE_INVALID, () -> DeviceValidation.labels(nullValue));
  }

  @Test
  void refusesTooManyLabels() {
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i <= DeviceValidation.MAX_LABELS; i++) {
      labels.put("k" + i, "v");
    }

    assertRefused(RegistryError.DEVICE_INVALID, () -> DeviceValidation.labels(labels));
  }

  @Test
  void splitsLabelFiltersAtTheFirstColon() {
    assertThat(DeviceValidation.labelFilters(List.of("site:berlin", "url:http://x")))
        .isEqualTo(Map.of("site", "berlin", "url", "http://x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"site", ":berlin", "bad key:x"})
  void refusesMalformedLabelFilters(String filter) {
    assertRefused(
        RegistryError.DEVICE_INVALID_FILTER, () -> DeviceValidation.labelFilters(List.of(filter)));
  }

  @Test
  void defaultsTheLimitAndRefusesOneOutOfRange() {
    assertThat(DeviceValidation.limit(null)).isEqualTo(50);
    assertThat(DeviceValidation.limit(500)).isEqualTo(500);
    assertRefused(RegistryError.DEVICE_INVALID_FILTER, () -> DeviceValidation.limit(0));
    assertRefused(RegistryError.DEVICE_INVALID_FILTER, () -> DeviceValidation.limit(501));
  }

  @Test
  void refusesALastSeenRangeThatIsEmpty() {
    Instant t = Instant.parse("2024-11-22T13:00:00Z");

    assertRefused(RegistryError.DEVICE_INVALID_FILTER, () -> DeviceValidation.lastSeenRange(t, t));
  }

  @Test
  void readsTheVersionOfStrongWeakAndBareETags() {
    assertThat(DeviceValidation.ifMatch("\"3\"")).isEqualTo(3);
    assertThat(DeviceValidation.ifMatch("W/\"4\"")).isEqualTo(4);
    assertThat(DeviceValidation.ifMatch("5")).isEqualTo(5);
    assertThat(DeviceValidation.ifMatch("*")).isNull();
    assertThat(DeviceValidation.ifMatch(null)).isNull();
    assertRefused(RegistryError.DEVICE_INVALID, () -> DeviceValidation.ifMatch("\"abc\""));
  }

  private static void assertRefused(RegistryError error, Executable call) {
    assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(error));
  }
}
