package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DeviceChangesTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void namesEachChangedFieldWithItsOldAndNewValue() {
    DeviceResponse before = device("Kitchen", Map.of("site", "berlin"), null);
    DeviceResponse after = device("Cellar", Map.of("site", "berlin"), "2.0");

    Map<String, @Nullable Object> firmware = new HashMap<>();
    firmware.put("from", null);
    firmware.put("to", "2.0");
    assertThat(DeviceChanges.between(before, after))
        .containsOnlyKeys("name", "firmwareVersion")
        .containsEntry("name", Map.of("from", "Kitchen", "to", "Cellar"))
        .containsEntry("firmwareVersion", firmware);
  }

  @Test
  void findsNothingWhenNothingChanged() {
    DeviceResponse device = device("Kitchen", Map.of(), "1.0");

    assertThat(DeviceChanges.between(device, device)).isEmpty();
  }

  @Test
  void listsTheFieldsADeviceIsCreatedWith() {
    assertThat(DeviceChanges.created(device("Kitchen", Map.of(), null)))
        .isEqualTo(Map.of("type", "meter", "name", "Kitchen"));
  }

  private static DeviceResponse device(
      String name, Map<String, String> labels, @Nullable String firmware) {
    return new DeviceResponse(
        "d-1",
        "meter",
        name,
        labels,
        null,
        Map.of(),
        firmware,
        DeviceStatus.OFFLINE,
        null,
        T0,
        T0,
        0);
  }
}
