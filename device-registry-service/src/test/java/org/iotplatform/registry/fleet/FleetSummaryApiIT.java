package org.iotplatform.registry.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.group.GroupFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Fleet summary counts through the REST API on a real PostgreSQL. */
class FleetSummaryApiIT extends RegistryITBase {

  private final RestTestClient underTest;
  private final GroupFixtures fixtures;

  FleetSummaryApiIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
    this.fixtures = new GroupFixtures(underTest);
  }

  @Test
  void countsNothingInAnEmptyFleet() {
    assertThat(summary("")).isEqualTo(new FleetSummary(0, 0, 0, Map.of(), Map.of(), 0));
  }

  @Test
  void countsOnlineAndOfflinePerFirmwareVersionAndPerType() throws SQLException {
    createFleet();

    assertThat(summary(""))
        .isEqualTo(
            new FleetSummary(
                6, 2, 4, Map.of("meter", 2L, "thermometer", 4L), Map.of("1.0", 3L, "2.0", 1L), 2));
  }

  @Test
  void countsOneType() throws SQLException {
    createFleet();

    assertThat(summary("?type=meter"))
        .isEqualTo(new FleetSummary(2, 1, 1, Map.of("meter", 2L), Map.of("2.0", 1L), 1));
  }

  @Test
  void countsAStaticGroup() throws SQLException {
    createFleet();
    fixtures.staticGroup("lab", "t-1", "t-2", "m-1");

    assertThat(summary("?group=lab"))
        .isEqualTo(
            new FleetSummary(
                3, 2, 1, Map.of("meter", 1L, "thermometer", 2L), Map.of("1.0", 2L, "2.0", 1L), 0));
  }

  @Test
  void countsADynamicGroupOfOneType() throws SQLException {
    createFleet();
    fixtures.dynamicGroup("current", Map.of("firmwareVersion", "1.0"));

    assertThat(summary("?group=current&type=thermometer"))
        .isEqualTo(new FleetSummary(3, 1, 2, Map.of("thermometer", 3L), Map.of("1.0", 3L), 0));
  }

  @Test
  void refusesAnUnknownGroup() {
    assertProblem(
        underTest.get().uri("/api/v1/fleet/summary?group=nobody").exchange(), 422, "group.unknown");
  }

  /**
   * Four thermometers (three on 1.0, one without a version; t-1 online) and two meters (m-1 on 2.0
   * and online, m-2 without a version).
   */
  private void createFleet() throws SQLException {
    fixtures.deviceTypes("thermometer", "meter");
    fixtures.device("t-1", "thermometer", Map.of("firmwareVersion", "1.0"));
    fixtures.device("t-2", "thermometer", Map.of("firmwareVersion", "1.0"));
    fixtures.device("t-3", "thermometer", Map.of("firmwareVersion", "1.0"));
    fixtures.device("t-4", "thermometer", Map.of());
    fixtures.device("m-1", "meter", Map.of("firmwareVersion", "2.0"));
    fixtures.device("m-2", "meter", Map.of());
    // Nothing in the API sets the status yet (device events will): set it as they will.
    GroupFixtures.sql("UPDATE devices SET status = 'ONLINE' WHERE id IN ('t-1', 'm-1')");
  }

  private FleetSummary summary(String query) {
    return underTest
        .get()
        .uri("/api/v1/fleet/summary" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(FleetSummary.class)
        .returnResult()
        .getResponseBody();
  }
}
