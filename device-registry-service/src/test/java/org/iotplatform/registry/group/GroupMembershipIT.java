package org.iotplatform.registry.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.iotplatform.registry.RegistryITBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The members of static groups: added, removed, listed, and gone with their device. */
class GroupMembershipIT extends RegistryITBase {

  private final RestTestClient underTest;
  private final GroupFixtures fixtures;

  GroupMembershipIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
    this.fixtures = new GroupFixtures(underTest);
  }

  @BeforeEach
  void createDevices() {
    fixtures.deviceTypes("thermometer");
    for (String id : List.of("t-1", "t-2", "t-3")) {
      fixtures.device(id, "thermometer", Map.of());
    }
  }

  @Test
  void addsAndRemovesMembers() {
    fixtures.staticGroup("lab");

    put("lab", "t-2").expectStatus().isCreated();
    put("lab", "t-1").expectStatus().isCreated();
    assertThat(members("lab")).containsExactly("t-1", "t-2");

    delete("lab", "t-2").expectStatus().isNoContent();
    assertThat(members("lab")).containsExactly("t-1");
  }

  @Test
  void addsAMemberOnlyOnce() {
    fixtures.staticGroup("lab");
    put("lab", "t-1").expectStatus().isCreated();

    put("lab", "t-1").expectStatus().isNoContent();

    assertThat(members("lab")).containsExactly("t-1");
  }

  @Test
  void addsMembersByGroupId() {
    GroupResponse group = fixtures.staticGroup("lab");

    put(group.id().toString(), "t-3").expectStatus().isCreated();

    assertThat(members("lab")).containsExactly("t-3");
  }

  @Test
  void refusesAnUnknownDevice() {
    fixtures.staticGroup("lab");

    assertProblem(put("lab", "nobody"), 404, "device.not-found");
    assertThat(members("lab")).isEmpty();
  }

  @Test
  void refusesMembersOfAnUnknownGroup() {
    assertProblem(put("nobody", "t-1"), 404, "group.not-found");
  }

  @Test
  void removingADeviceThatIsNoMemberChangesNothing() {
    fixtures.staticGroup("lab", "t-1");

    delete("lab", "t-2").expectStatus().isNoContent();

    assertThat(members("lab")).containsExactly("t-1");
  }

  @Test
  void refusesToRemoveAnUnknownDevice() {
    fixtures.staticGroup("lab");

    assertProblem(delete("lab", "nobody"), 404, "device.not-found");
  }

  @Test
  void addsABatchAndCountsTheDevicesThatWereMembersAlready() {
    fixtures.staticGroup("lab", "t-1");

    fixtures
        .post(
            "/api/v1/groups/lab/members", Map.of("deviceIds", List.of("t-1", "t-2", "t-3", "t-2")))
        .expectStatus()
        .isOk()
        .expectBody(MembersAdded.class)
        .isEqualTo(new MembersAdded(2, 1));

    assertThat(members("lab")).containsExactly("t-1", "t-2", "t-3");
  }

  @Test
  void addsNothingOfABatchThatNamesAnUnknownDevice() {
    fixtures.staticGroup("lab");

    assertProblem(
        fixtures.post(
            "/api/v1/groups/lab/members", Map.of("deviceIds", List.of("t-1", "nobody", "t-2"))),
        422,
        "group.unknown-device");

    assertThat(members("lab")).isEmpty();
  }

  @Test
  void refusesAnEmptyBatch() {
    fixtures.staticGroup("lab");

    assertProblem(
        fixtures.post("/api/v1/groups/lab/members", Map.of("deviceIds", List.of())),
        400,
        "group.invalid");
  }

  @Test
  void refusesABatchAboveTheMaximum() {
    fixtures.staticGroup("lab");
    List<String> ids = IntStream.range(0, 1001).mapToObj(i -> "d-" + i).toList();

    assertProblem(
        fixtures.post("/api/v1/groups/lab/members", Map.of("deviceIds", ids)),
        400,
        "group.invalid");
  }

  @Test
  void createsAStaticGroupWithItsFirstMembers() {
    fixtures.staticGroup("lab", "t-3", "t-1");

    assertThat(members("lab")).containsExactly("t-1", "t-3");
  }

  @Test
  void storesNoGroupWhoseFirstMembersNameAnUnknownDevice() {
    assertProblem(
        fixtures.post(
            "/api/v1/groups",
            Map.of("name", "lab", "kind", "STATIC", "members", List.of("t-1", "nobody"))),
        422,
        "group.unknown-device");

    assertProblem(underTest.get().uri("/api/v1/groups/lab").exchange(), 404, "group.not-found");
  }

  @Test
  void refusesMembersOfADynamicGroup() {
    fixtures.dynamicGroup("thermometers", Map.of("type", "thermometer"));

    assertProblem(put("thermometers", "t-1"), 409, "group.not-static");
    assertProblem(delete("thermometers", "t-1"), 409, "group.not-static");
    assertProblem(
        fixtures.post("/api/v1/groups/thermometers/members", Map.of("deviceIds", List.of("t-1"))),
        409,
        "group.not-static");
  }

  @Test
  void deletingADeviceRemovesItsMemberships() throws SQLException {
    fixtures.staticGroup("lab", "t-1", "t-2");
    fixtures.staticGroup("office", "t-1");

    underTest.delete().uri("/api/v1/devices/t-1").exchange().expectStatus().isNoContent();

    assertThat(members("lab")).containsExactly("t-2");
    assertThat(members("office")).isEmpty();
    assertThat(
            GroupFixtures.count(
                "SELECT count(*) FROM device_group_members WHERE device_id = 't-1'"))
        .isZero();
  }

  @Test
  void deletingAGroupRemovesItsMemberships() throws SQLException {
    fixtures.staticGroup("lab", "t-1", "t-2");

    underTest.delete().uri("/api/v1/groups/lab").exchange().expectStatus().isNoContent();

    assertThat(GroupFixtures.count("SELECT count(*) FROM device_group_members")).isZero();
  }

  @Test
  void listsTheMembersPageByPageInIdOrder() {
    List<String> ids = List.of("m-5", "m-1", "m-4", "m-2", "m-3");
    for (String id : ids) {
      fixtures.device(id, "thermometer", Map.of());
    }
    fixtures.staticGroup("lab", ids.toArray(String[]::new));

    assertThat(fixtures.devicePage("/api/v1/groups/lab/devices?limit=2").items()).hasSize(2);
    assertThat(fixtures.allDeviceIds("/api/v1/groups/lab/devices?limit=2"))
        .containsExactly("m-1", "m-2", "m-3", "m-4", "m-5");
  }

  private RestTestClient.ResponseSpec put(String group, String device) {
    return underTest.put().uri("/api/v1/groups/" + group + "/members/" + device).exchange();
  }

  private RestTestClient.ResponseSpec delete(String group, String device) {
    return underTest.delete().uri("/api/v1/groups/" + group + "/members/" + device).exchange();
  }

  private List<String> members(String group) {
    return fixtures.allDeviceIds("/api/v1/groups/" + group + "/devices?limit=50");
  }
}
