package org.iotplatform.registry.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.fleet.FleetSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Groups stay inside the tenant of {@code CurrentTenant}: another tenant's groups (with the same
 * names), members and devices are never seen, changed or counted. The other tenant is written with
 * SQL, since every API call acts in the caller's tenant; its device ids differ, as device ids are
 * unique across tenants (ADR 0007).
 */
class GroupTenantScopeIT extends RegistryITBase {

  private static final String OTHER = "groups-it-other";
  private static final String OTHER_LAB = "5d0c3f52-4a3e-4d7c-9d61-0a4b1c2d3e4f";
  private static final String OTHER_SECRET = "6e1d4a63-5b4f-4e8d-8e72-1b5c2d3e4f50";

  private final RestTestClient underTest;
  private final GroupFixtures fixtures;

  GroupTenantScopeIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
    this.fixtures = new GroupFixtures(underTest);
  }

  @BeforeEach
  void createBothTenants() throws SQLException {
    fixtures.deviceTypes("thermometer");
    fixtures.device("t-1", "thermometer", Map.of());
    GroupFixtures.sql(
        "INSERT INTO tenants (id, name) VALUES ('" + OTHER + "', 'Other') ON CONFLICT DO NOTHING",
        "INSERT INTO device_types (tenant_id, name, created_at) VALUES ('"
            + OTHER
            + "', 'thermometer', now())",
        "INSERT INTO devices (tenant_id, id, type, status, firmware_version, created_at,"
            + " updated_at, version) VALUES"
            + " ('"
            + OTHER
            + "', 'o-2', 'thermometer', 'ONLINE', '9.9', now(), now(), 0),"
            + " ('"
            + OTHER
            + "', 'o-1', 'thermometer', 'ONLINE', '9.9', now(), now(), 0)",
        "INSERT INTO device_groups (tenant_id, id, name, kind, filter, created_at, updated_at,"
            + " version) VALUES"
            + " ('"
            + OTHER
            + "', '"
            + OTHER_LAB
            + "', 'lab', 'STATIC', NULL, now(), now(), 0),"
            + " ('"
            + OTHER
            + "', '"
            + OTHER_SECRET
            + "', 'secret', 'DYNAMIC',"
            + " '{\"type\": \"thermometer\"}', now(), now(), 0)",
        "INSERT INTO device_group_members (tenant_id, group_id, device_id, added_at) VALUES"
            + " ('"
            + OTHER
            + "', '"
            + OTHER_LAB
            + "', 'o-2', now()),"
            + " ('"
            + OTHER
            + "', '"
            + OTHER_LAB
            + "', 'o-1', now())");
  }

  @AfterEach
  void removeTheOtherTenant() throws SQLException {
    // The tables are emptied before each test, but the tenants table is kept.
    GroupFixtures.sql(
        "DELETE FROM device_group_members WHERE tenant_id = '" + OTHER + "'",
        "DELETE FROM device_groups WHERE tenant_id = '" + OTHER + "'",
        "DELETE FROM devices WHERE tenant_id = '" + OTHER + "'",
        "DELETE FROM device_types WHERE tenant_id = '" + OTHER + "'",
        "DELETE FROM tenants WHERE id = '" + OTHER + "'");
  }

  @Test
  void neitherListsNorFindsAnotherTenantsGroups() {
    fixtures.staticGroup("mine");

    assertThat(
            underTest
                .get()
                .uri("/api/v1/groups")
                .exchange()
                .expectBody(GroupPage.class)
                .returnResult()
                .getResponseBody()
                .items())
        .extracting(GroupResponse::name)
        .containsExactly("mine");
    assertProblem(get("/api/v1/groups/secret"), 404, "group.not-found");
    assertProblem(get("/api/v1/groups/" + OTHER_LAB), 404, "group.not-found");
    assertProblem(get("/api/v1/groups/" + OTHER_LAB + "/devices"), 404, "group.not-found");
  }

  @Test
  void takesANameThatAnotherTenantUses() {
    fixtures.staticGroup("lab");

    assertThat(fixtures.allDeviceIds("/api/v1/groups/lab/devices?limit=10")).isEmpty();
  }

  @Test
  void neitherChangesNorDeletesAnotherTenantsGroup() throws SQLException {
    assertProblem(
        underTest.delete().uri("/api/v1/groups/" + OTHER_LAB).exchange(), 404, "group.not-found");
    assertProblem(
        underTest.put().uri("/api/v1/groups/" + OTHER_LAB + "/members/t-1").exchange(),
        404,
        "group.not-found");
    fixtures.staticGroup("lab");
    underTest.delete().uri("/api/v1/groups/lab").exchange().expectStatus().isNoContent();

    assertThat(
            GroupFixtures.count(
                "SELECT count(*) FROM device_groups WHERE tenant_id = '" + OTHER + "'"))
        .isEqualTo(2);
    assertThat(
            GroupFixtures.count(
                "SELECT count(*) FROM device_group_members WHERE tenant_id = '" + OTHER + "'"))
        .isEqualTo(2);
  }

  @Test
  void refusesAnotherTenantsDeviceAsAMember() {
    fixtures.staticGroup("lab");

    assertProblem(
        underTest.put().uri("/api/v1/groups/lab/members/o-1").exchange(), 404, "device.not-found");
    assertProblem(
        fixtures.post("/api/v1/groups/lab/members", Map.of("deviceIds", List.of("t-1", "o-1"))),
        422,
        "group.unknown-device");
  }

  @Test
  void dynamicGroupsSelectOnlyTheTenantsDevices() {
    fixtures.dynamicGroup("thermometers", Map.of("type", "thermometer"));

    assertThat(fixtures.allDeviceIds("/api/v1/groups/thermometers/devices?limit=10"))
        .containsExactly("t-1");
    assertThat(fixtures.allDeviceIds("/api/v1/devices?group=thermometers&limit=10"))
        .containsExactly("t-1");
  }

  @Test
  void searchAndSummaryRefuseAnotherTenantsGroup() {
    assertProblem(get("/api/v1/devices?group=" + OTHER_LAB), 422, "group.unknown");
    assertProblem(get("/api/v1/devices?group=secret"), 422, "group.unknown");
    assertProblem(get("/api/v1/fleet/summary?group=" + OTHER_SECRET), 422, "group.unknown");
  }

  @Test
  void summaryCountsOnlyTheTenantsDevices() {
    assertThat(
            get("/api/v1/fleet/summary")
                .expectStatus()
                .isOk()
                .expectBody(FleetSummary.class)
                .returnResult()
                .getResponseBody())
        .isEqualTo(new FleetSummary(1, 0, 1, Map.of("thermometer", 1L), Map.of(), 1));
  }

  private RestTestClient.ResponseSpec get(String uri) {
    return underTest.get().uri(uri).exchange();
  }
}
