package org.iotplatform.registry.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The devices of dynamic groups: each filter field, evaluated when the group is read. */
class DynamicGroupIT extends RegistryITBase {

  private final RestTestClient underTest;
  private final GroupFixtures fixtures;

  DynamicGroupIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
    this.fixtures = new GroupFixtures(underTest);
  }

  @BeforeEach
  void createDeviceTypes() {
    fixtures.deviceTypes("thermometer", "meter");
  }

  @Test
  void selectsByType() {
    fixtures.device("t-1", "thermometer", Map.of());
    fixtures.device("m-1", "meter", Map.of());

    fixtures.dynamicGroup("meters", Map.of("type", "meter"));

    assertThat(devices("meters")).containsExactly("m-1");
  }

  @Test
  void selectsByEveryLabelOfTheFilter() {
    fixtures.device("t-1", "thermometer", Map.of("labels", Map.of("site", "berlin", "floor", "1")));
    fixtures.device("t-2", "thermometer", Map.of("labels", Map.of("site", "berlin", "floor", "2")));
    fixtures.device("t-3", "thermometer", Map.of("labels", Map.of("site", "paris", "floor", "1")));

    fixtures.dynamicGroup("berlin", Map.of("labels", Map.of("site", "berlin")));
    fixtures.dynamicGroup("berlin-1", Map.of("labels", Map.of("site", "berlin", "floor", "1")));

    assertThat(devices("berlin")).containsExactly("t-1", "t-2");
    assertThat(devices("berlin-1")).containsExactly("t-1");
  }

  @Test
  void selectsByFirmwareVersion() {
    fixtures.device("t-1", "thermometer", Map.of("firmwareVersion", "1.0"));
    fixtures.device("t-2", "thermometer", Map.of("firmwareVersion", "1.1"));
    fixtures.device("t-3", "thermometer", Map.of());

    fixtures.dynamicGroup("old", Map.of("firmwareVersion", "1.0"));

    assertThat(devices("old")).containsExactly("t-1");
  }

  @Test
  void selectsByLocationBoxWithInclusiveBounds() {
    fixtures.device("inside", "thermometer", location(52.5, 13.4));
    fixtures.device("on-corner", "thermometer", location(52.0, 14.0));
    fixtures.device("north", "thermometer", location(53.01, 13.4));
    fixtures.device("east", "thermometer", location(52.5, 14.01));
    fixtures.device("south-west", "thermometer", location(51.0, 12.0));
    fixtures.device("nowhere", "thermometer", Map.of());

    fixtures.dynamicGroup(
        "berlin-area",
        Map.of(
            "locationBox", Map.of("minLat", 52.0, "maxLat", 53.0, "minLon", 13.0, "maxLon", 14.0)));

    assertThat(devices("berlin-area")).containsExactly("inside", "on-corner");
  }

  @Test
  void selectsByAllCriteriaTogether() {
    Map<String, Object> match =
        Map.of(
            "labels", Map.of("site", "berlin"),
            "firmwareVersion", "1.0",
            "location", Map.of("lat", 52.5, "lon", 13.4));
    fixtures.device("m-match", "meter", match);
    fixtures.device("t-other-type", "thermometer", match);
    fixtures.device("m-other-label", "meter", with(match, "labels", Map.of("site", "paris")));
    fixtures.device("m-other-firmware", "meter", with(match, "firmwareVersion", "2.0"));
    fixtures.device(
        "m-elsewhere", "meter", with(match, "location", Map.of("lat", -33.9, "lon", 151.2)));

    fixtures.dynamicGroup(
        "berlin-meters",
        Map.of(
            "type",
            "meter",
            "labels",
            Map.of("site", "berlin"),
            "firmwareVersion",
            "1.0",
            "locationBox",
            Map.of("minLat", 52, "maxLat", 53, "minLon", 13, "maxLon", 14)));

    assertThat(devices("berlin-meters")).containsExactly("m-match");
  }

  @Test
  void followsDeviceChangesWithoutARefresh() {
    fixtures.device("t-1", "thermometer", Map.of("firmwareVersion", "1.0"));
    fixtures.device("t-2", "thermometer", Map.of("firmwareVersion", "2.0"));
    fixtures.dynamicGroup("old", Map.of("firmwareVersion", "1.0"));

    underTest
        .patch()
        .uri("/api/v1/devices/t-1")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("firmwareVersion", "2.0"))
        .exchange()
        .expectStatus()
        .isOk();
    underTest
        .patch()
        .uri("/api/v1/devices/t-2")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("firmwareVersion", "1.0"))
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(devices("old")).containsExactly("t-2");
  }

  @Test
  void followsAChangedFilter() {
    fixtures.device("t-1", "thermometer", Map.of());
    fixtures.device("m-1", "meter", Map.of());
    fixtures.dynamicGroup("chosen", Map.of("type", "meter"));

    underTest
        .patch()
        .uri("/api/v1/groups/chosen")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("filter", Map.of("type", "thermometer")))
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(devices("chosen")).containsExactly("t-1");
  }

  @Test
  void listsTheDevicesPageByPageInIdOrder() {
    for (String id : List.of("m-4", "m-2", "m-5", "m-1", "m-3")) {
      fixtures.device(id, "meter", Map.of());
      fixtures.device("t" + id, "thermometer", Map.of());
    }
    fixtures.dynamicGroup("meters", Map.of("type", "meter"));

    assertThat(fixtures.devicePage("/api/v1/groups/meters/devices?limit=2").items()).hasSize(2);
    assertThat(fixtures.allDeviceIds("/api/v1/groups/meters/devices?limit=2"))
        .containsExactly("m-1", "m-2", "m-3", "m-4", "m-5");
  }

  private List<String> devices(String group) {
    return fixtures.allDeviceIds("/api/v1/groups/" + group + "/devices?limit=50");
  }

  private static Map<String, Object> location(double lat, double lon) {
    return Map.of("location", Map.of("lat", lat, "lon", lon));
  }

  private static Map<String, Object> with(Map<String, Object> fields, String key, Object value) {
    Map<String, Object> changed = new HashMap<>(fields);
    changed.put(key, value);
    return changed;
  }
}
