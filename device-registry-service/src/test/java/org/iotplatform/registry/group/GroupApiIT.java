package org.iotplatform.registry.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Creating, reading, listing, changing and deleting groups through the REST API. */
class GroupApiIT extends RegistryITBase {

  private final RestTestClient underTest;
  private final GroupFixtures fixtures;

  GroupApiIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
    this.fixtures = new GroupFixtures(underTest);
  }

  @BeforeEach
  void createDeviceTypes() {
    fixtures.deviceTypes("thermometer", "meter");
  }

  @Test
  void createsAStaticGroupAndReadsItBackByNameAndById() {
    GroupResponse created =
        fixtures
            .post(
                "/api/v1/groups",
                Map.of("name", "berlin-lab", "kind", "STATIC", "description", "Lab devices"))
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody(GroupResponse.class)
            .returnResult()
            .getResponseBody();

    assertThat(created.name()).isEqualTo("berlin-lab");
    assertThat(created.kind()).isEqualTo(GroupKind.STATIC);
    assertThat(created.filter()).isNull();
    assertThat(read("berlin-lab")).isEqualTo(created);
    assertThat(read(created.id().toString())).isEqualTo(created);
  }

  @Test
  void createsADynamicGroupAndShowsItsFilter() {
    fixtures
        .post(
            "/api/v1/groups",
            Map.of(
                "name",
                "old-meters",
                "kind",
                "DYNAMIC",
                "filter",
                Map.of(
                    "type",
                    "meter",
                    "labels",
                    Map.of("site", "berlin"),
                    "firmwareVersion",
                    "1.0",
                    "locationBox",
                    Map.of("minLat", 52, "maxLat", 53, "minLon", 13, "maxLon", 14))))
        .expectStatus()
        .isCreated();

    get("old-meters")
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            """
            {"name": "old-meters", "kind": "DYNAMIC",
             "filter": {"type": "meter", "labels": {"site": "berlin"}, "firmwareVersion": "1.0",
                        "locationBox": {"minLat": 52, "maxLat": 53, "minLon": 13, "maxLon": 14}}}
            """,
            JsonCompareMode.LENIENT);
  }

  @Test
  void refusesADuplicateNameAndKeepsTheFirstGroup() {
    GroupResponse first = fixtures.staticGroup("lab");

    assertProblem(
        fixtures.post(
            "/api/v1/groups",
            Map.of("name", "lab", "kind", "DYNAMIC", "filter", Map.of("type", "meter"))),
        409,
        "group.duplicate");
    assertThat(read("lab")).isEqualTo(first);
  }

  @Test
  void refusesAGroupWithoutKind() {
    assertProblem(fixtures.post("/api/v1/groups", Map.of("name", "lab")), 400, "group.invalid");
  }

  @Test
  void refusesAnInvalidName() {
    assertProblem(
        fixtures.post("/api/v1/groups", Map.of("name", "lab one", "kind", "STATIC")),
        400,
        "group.invalid");
  }

  @Test
  void refusesANameThatLooksLikeAGroupId() {
    assertProblem(
        fixtures.post(
            "/api/v1/groups",
            Map.of("name", "123e4567-e89b-12d3-a456-426614174000", "kind", "STATIC")),
        400,
        "group.invalid");
  }

  @Test
  void refusesAFilterOnAStaticGroup() {
    assertProblem(
        fixtures.post(
            "/api/v1/groups",
            Map.of("name", "lab", "kind", "STATIC", "filter", Map.of("type", "meter"))),
        400,
        "group.invalid");
    get("lab").expectStatus().isNotFound();
  }

  @Test
  void refusesADynamicGroupWithoutAFilter() {
    assertProblem(
        fixtures.post("/api/v1/groups", Map.of("name", "lab", "kind", "DYNAMIC")),
        400,
        "group.invalid");
  }

  @Test
  void refusesADynamicGroupWithAnEmptyFilter() {
    assertProblem(
        fixtures.post(
            "/api/v1/groups",
            Map.of("name", "lab", "kind", "DYNAMIC", "filter", Map.of("labels", Map.of()))),
        400,
        "group.invalid");
  }

  @Test
  void refusesAFilterLabelKeyNoDeviceCanCarry() {
    assertProblem(createDynamic(Map.of("labels", Map.of("no:colons", "x"))), 400, "group.invalid");
  }

  @Test
  void refusesALocationBoxWithALatitudeOutOfRange() {
    assertProblem(
        createDynamic(
            Map.of("locationBox", Map.of("minLat", -91, "maxLat", 10, "minLon", 0, "maxLon", 10))),
        400,
        "group.invalid");
  }

  @Test
  void refusesALocationBoxWithMinimumAboveMaximum() {
    assertProblem(
        createDynamic(
            Map.of("locationBox", Map.of("minLat", 0, "maxLat", 10, "minLon", 20, "maxLon", 10))),
        400,
        "group.invalid");
  }

  @Test
  void refusesALocationBoxWithoutAllFourBounds() {
    assertProblem(
        createDynamic(Map.of("locationBox", Map.of("minLat", 0, "maxLat", 10, "minLon", 0))),
        400,
        "group.invalid");
  }

  @Test
  void refusesAFilterOnAnUnknownDeviceType() {
    assertProblem(createDynamic(Map.of("type", "thermostat")), 422, "device-type.unknown");
  }

  @Test
  void refusesMembersForADynamicGroup() {
    assertProblem(
        fixtures.post(
            "/api/v1/groups",
            Map.of(
                "name",
                "lab",
                "kind",
                "DYNAMIC",
                "filter",
                Map.of("type", "meter"),
                "members",
                List.of("t-1"))),
        400,
        "group.invalid");
  }

  @Test
  void listsGroupsPageByPageByName() {
    List<String> names = List.of("b", "A-1", "c.2", "a", "b_3", "z");
    for (String name : names) {
      fixtures.staticGroup(name);
    }

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    do {
      GroupPage page =
          underTest
              .get()
              .uri("/api/v1/groups?limit=4" + (cursor == null ? "" : "&cursor=" + cursor))
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(GroupPage.class)
              .returnResult()
              .getResponseBody();
      page.items().forEach(group -> seen.add(group.name()));
      pageSizes.add(page.items().size());
      cursor = page.nextCursor();
    } while (cursor != null);

    // Bytewise order: upper case before lower case.
    assertThat(seen).containsExactly("A-1", "a", "b", "b_3", "c.2", "z");
    assertThat(pageSizes).containsExactly(4, 2);
  }

  @Test
  void refusesATamperedListCursor() {
    fixtures.staticGroup("a");
    fixtures.staticGroup("b");
    String cursor =
        underTest
            .get()
            .uri("/api/v1/groups?limit=1")
            .exchange()
            .expectBody(GroupPage.class)
            .returnResult()
            .getResponseBody()
            .nextCursor();
    String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

    assertProblem(
        underTest.get().uri("/api/v1/groups?cursor=" + tampered).exchange(),
        400,
        "page.invalid-cursor");
  }

  @Test
  void refusesAListLimitAboveTheMaximum() {
    assertProblem(underTest.get().uri("/api/v1/groups?limit=501").exchange(), 400, "group.invalid");
  }

  @Test
  void renamesAGroupAndKeepsItsIdAndMembers() {
    fixtures.device("t-1", "thermometer", Map.of());
    GroupResponse created = fixtures.staticGroup("lab", "t-1");

    GroupResponse renamed = patch("lab", null, Map.of("name", "workshop"));

    assertThat(renamed.id()).isEqualTo(created.id());
    assertThat(renamed.version()).isEqualTo(1);
    get("lab").expectStatus().isNotFound();
    assertThat(fixtures.allDeviceIds("/api/v1/groups/workshop/devices?limit=10"))
        .containsExactly("t-1");
  }

  @Test
  void refusesARenameToATakenName() {
    fixtures.staticGroup("lab");
    fixtures.staticGroup("workshop");

    assertProblem(patchSpec("lab", null, Map.of("name", "workshop")), 409, "group.duplicate");
    get("lab").expectStatus().isOk();
  }

  @Test
  void replacesTheFilterOfADynamicGroupWhole() {
    fixtures.dynamicGroup("meters", Map.of("type", "meter", "firmwareVersion", "1.0"));

    GroupResponse updated = patch("meters", null, Map.of("filter", Map.of("type", "thermometer")));

    assertThat(updated.filter()).isEqualTo(new GroupFilter("thermometer", null, null, null));
  }

  @Test
  void refusesAFilterForAStaticGroupOnUpdate() {
    fixtures.staticGroup("lab");

    assertProblem(
        patchSpec("lab", null, Map.of("filter", Map.of("type", "meter"))), 400, "group.invalid");
  }

  @Test
  void refusesAnEmptyFilterOnUpdate() {
    fixtures.dynamicGroup("meters", Map.of("type", "meter"));

    assertProblem(patchSpec("meters", null, Map.of("filter", Map.of())), 400, "group.invalid");
    assertThat(read("meters").filter()).isEqualTo(new GroupFilter("meter", null, null, null));
  }

  @Test
  void refusesChangingTheKind() {
    fixtures.staticGroup("lab");

    assertProblem(patchSpec("lab", null, Map.of("kind", "DYNAMIC")), 400, "group.invalid");
  }

  @Test
  void updatesWithTheCurrentVersionAndRefusesAStaleOne() {
    fixtures.staticGroup("lab");

    patch("lab", "\"0\"", Map.of("description", "first"));

    assertProblem(
        patchSpec("lab", "\"0\"", Map.of("description", "second")), 412, "group.version-conflict");
    assertThat(read("lab").description()).isEqualTo("first");
  }

  @Test
  void deletesAGroupButNotItsDevices() {
    fixtures.device("t-1", "thermometer", Map.of());
    fixtures.staticGroup("lab", "t-1");

    underTest.delete().uri("/api/v1/groups/lab").exchange().expectStatus().isNoContent();

    assertProblem(get("lab"), 404, "group.not-found");
    underTest.get().uri("/api/v1/devices/t-1").exchange().expectStatus().isOk();
  }

  @Test
  void answersNotFoundForAnUnknownGroup() {
    assertProblem(get("nobody"), 404, "group.not-found");
    assertProblem(get("123e4567-e89b-12d3-a456-426614174000"), 404, "group.not-found");
    assertProblem(patchSpec("nobody", null, Map.of("description", "x")), 404, "group.not-found");
    assertProblem(
        underTest.delete().uri("/api/v1/groups/nobody").exchange(), 404, "group.not-found");
    assertProblem(
        underTest.get().uri("/api/v1/groups/nobody/devices").exchange(), 404, "group.not-found");
  }

  private RestTestClient.ResponseSpec createDynamic(Map<String, Object> filter) {
    return fixtures.post(
        "/api/v1/groups", Map.of("name", "lab", "kind", "DYNAMIC", "filter", filter));
  }

  private RestTestClient.ResponseSpec get(String group) {
    return underTest.get().uri("/api/v1/groups/" + group).exchange();
  }

  private GroupResponse read(String group) {
    return get(group)
        .expectStatus()
        .isOk()
        .expectBody(GroupResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private GroupResponse patch(String group, @Nullable String ifMatch, Map<String, Object> body) {
    return patchSpec(group, ifMatch, body)
        .expectStatus()
        .isOk()
        .expectBody(GroupResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private RestTestClient.ResponseSpec patchSpec(
      String group, @Nullable String ifMatch, Map<String, Object> body) {
    var request =
        underTest
            .patch()
            .uri("/api/v1/groups/" + group)
            .contentType(MediaType.valueOf("application/merge-patch+json"));
    if (ifMatch != null) {
      request = request.header(HttpHeaders.IF_MATCH, ifMatch);
    }
    return request.body(new HashMap<>(body)).exchange();
  }
}
