package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.group.GroupFixtures;
import org.iotplatform.registry.group.GroupResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The device search's group and location box filters, with the other filters and the cursor. */
class DeviceSearchByGroupApiIT extends RegistryITBase {

  private final RestTestClient underTest;
  private final GroupFixtures fixtures;

  DeviceSearchByGroupApiIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
    this.fixtures = new GroupFixtures(underTest);
  }

  @BeforeEach
  void createDevices() {
    fixtures.deviceTypes("thermometer", "meter");
    for (int i = 0; i < 6; i++) {
      String site = i % 2 == 0 ? "berlin" : "paris";
      fixtures.device("m-" + i, "meter", Map.of("labels", Map.of("site", site)));
      fixtures.device("t-" + i, "thermometer", Map.of("labels", Map.of("site", site)));
    }
  }

  @Test
  void filtersByAStaticGroupAcrossPages() {
    fixtures.staticGroup("lab", "t-5", "m-0", "t-1", "m-3", "t-3");

    assertThat(fixtures.allDeviceIds("/api/v1/devices?group=lab&limit=2"))
        .containsExactly("m-0", "m-3", "t-1", "t-3", "t-5");
  }

  @Test
  void filtersByAStaticGroupTogetherWithTheOtherFilters() {
    fixtures.staticGroup("lab", "t-5", "m-0", "t-1", "m-3", "t-2");

    assertThat(fixtures.allDeviceIds("/api/v1/devices?group=lab&type=thermometer&limit=1"))
        .containsExactly("t-1", "t-2", "t-5");
    assertThat(fixtures.allDeviceIds("/api/v1/devices?group=lab&label=site:berlin&limit=1"))
        .containsExactly("m-0", "t-2");
  }

  @Test
  void filtersByADynamicGroupAcrossPages() {
    fixtures.dynamicGroup("berlin", Map.of("labels", Map.of("site", "berlin")));

    assertThat(fixtures.allDeviceIds("/api/v1/devices?group=berlin&limit=4"))
        .containsExactly("m-0", "m-2", "m-4", "t-0", "t-2", "t-4");
  }

  @Test
  void filtersByADynamicGroupTogetherWithTheOtherFilters() {
    fixtures.dynamicGroup("berlin", Map.of("labels", Map.of("site", "berlin")));

    assertThat(fixtures.allDeviceIds("/api/v1/devices?group=berlin&type=meter&limit=2"))
        .containsExactly("m-0", "m-2", "m-4");
  }

  @Test
  void findsNothingWhenTheSearchContradictsTheGroupsFilter() {
    fixtures.dynamicGroup("meters", Map.of("type", "meter"));

    assertThat(fixtures.allDeviceIds("/api/v1/devices?group=meters&type=thermometer")).isEmpty();
  }

  @Test
  void takesTheGroupsIdAsWellAsItsName() {
    GroupResponse lab = fixtures.staticGroup("lab", "m-1");

    assertThat(fixtures.allDeviceIds("/api/v1/devices?group=" + lab.id())).containsExactly("m-1");
  }

  @Test
  void refusesAnUnknownGroup() {
    assertProblem(
        underTest.get().uri("/api/v1/devices?group=nobody").exchange(), 422, "group.unknown");
  }

  @Test
  void filtersByALocationBox() {
    fixtures.device("inside", "meter", Map.of("location", Map.of("lat", 48.85, "lon", 2.35)));
    fixtures.device("outside", "meter", Map.of("location", Map.of("lat", 52.52, "lon", 13.4)));

    assertThat(
            fixtures.allDeviceIds(
                "/api/v1/devices?minLat=48&maxLat=49&minLon=2&maxLon=3&type=meter"))
        .containsExactly("inside");
  }

  @Test
  void refusesALocationBoxWithoutAllFourBounds() {
    assertProblem(
        underTest.get().uri("/api/v1/devices?minLat=48&maxLat=49&minLon=2").exchange(),
        400,
        "device.invalid-filter");
  }

  @Test
  void refusesALocationBoxWithMinimumAboveMaximum() {
    assertProblem(
        underTest.get().uri("/api/v1/devices?minLat=50&maxLat=49&minLon=2&maxLon=3").exchange(),
        400,
        "device.invalid-filter");
  }

  @Test
  void refusesALocationBoxWithALongitudeOutOfRange() {
    assertProblem(
        underTest.get().uri("/api/v1/devices?minLat=0&maxLat=1&minLon=-181&maxLon=3").exchange(),
        400,
        "device.invalid-filter");
  }
}
