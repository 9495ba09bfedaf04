package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.testsupport.TestInstants.ONE_HOUR_LATER;
import static org.iotplatform.testsupport.TestInstants.ONE_MINUTE_LATER;
import static org.iotplatform.testsupport.TestInstants.T0;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.servers.PostgresServer;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Searching devices with filters and a keyset cursor through the REST API on a real PostgreSQL. */
class DeviceSearchApiIT extends RegistryITBase {

  private final RestTestClient underTest;

  DeviceSearchApiIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @BeforeEach
  void createDeviceTypes() {
    for (String type : List.of("thermometer", "meter")) {
      underTest
          .post()
          .uri("/api/v1/device-types")
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("name", type))
          .exchange()
          .expectStatus()
          .isCreated();
    }
  }

  @Test
  void filtersByType() {
    create("t-1", "thermometer", Map.of());
    create("m-1", "meter", Map.of());

    assertThat(ids("/api/v1/devices?type=meter")).containsExactly("m-1");
  }

  @Test
  void filtersByStatus() throws SQLException {
    create("t-1", "thermometer", Map.of());
    create("t-2", "thermometer", Map.of());
    // Nothing in the API sets the status yet (device events will): set it as they will.
    execute("UPDATE devices SET status = 'ONLINE' WHERE id = 't-2'");

    assertThat(ids("/api/v1/devices?status=ONLINE")).containsExactly("t-2");
    assertThat(ids("/api/v1/devices?status=OFFLINE")).containsExactly("t-1");
  }

  @Test
  void filtersByFirmwareVersion() {
    create("t-1", "thermometer", Map.of("firmwareVersion", "1.0"));
    create("t-2", "thermometer", Map.of("firmwareVersion", "1.1"));
    create("t-3", "thermometer", Map.of());

    assertThat(ids("/api/v1/devices?firmware=1.1")).containsExactly("t-2");
  }

  @Test
  void filtersByEveryLabelGiven() {
    create("t-1", "thermometer", Map.of("labels", Map.of("site", "berlin", "floor", "1")));
    create("t-2", "thermometer", Map.of("labels", Map.of("site", "berlin", "floor", "2")));
    create("t-3", "thermometer", Map.of("labels", Map.of("site", "paris", "floor", "1")));

    assertThat(ids("/api/v1/devices?label=site:berlin")).containsExactly("t-1", "t-2");
    assertThat(ids("/api/v1/devices?label=site:berlin&label=floor:1")).containsExactly("t-1");
  }

  @Test
  void findsTextInIdOrNameIgnoringCase() {
    create("kitchen-1", "thermometer", Map.of());
    create("t-2", "thermometer", Map.of("name", "Kitchen window"));
    create("t-3", "thermometer", Map.of("name", "Hall"));
    create("t_4", "thermometer", Map.of());

    assertThat(ids("/api/v1/devices?q=KITCHEN")).containsExactly("kitchen-1", "t-2");
    // LIKE wildcards in the text are taken literally.
    assertThat(ids("/api/v1/devices?q=t_")).containsExactly("t_4");
  }

  @Test
  void filtersByLastSeenFromInclusiveToExclusive() throws SQLException {
    create("t-0", "thermometer", Map.of());
    create("t-1", "thermometer", Map.of());
    create("t-2", "thermometer", Map.of());
    create("t-3", "thermometer", Map.of());
    lastSeen("t-1", T0.minusMillis(1));
    lastSeen("t-2", T0);
    lastSeen("t-3", ONE_MINUTE_LATER);

    assertThat(ids("/api/v1/devices?lastSeenFrom=" + T0 + "&lastSeenTo=" + ONE_MINUTE_LATER))
        .containsExactly("t-2");
    assertThat(ids("/api/v1/devices?lastSeenFrom=" + T0)).containsExactly("t-2", "t-3");
    assertThat(ids("/api/v1/devices?lastSeenTo=" + ONE_HOUR_LATER))
        .containsExactly("t-1", "t-2", "t-3");
  }

  @Test
  void walksAllDevicesPageByPageInIdOrderWithoutGapsOrDuplicates() {
    List<String> created = new ArrayList<>();
    for (String id : List.of("d-07", "d-03", "A-1", "d-10", "d-01", "d.5", "d_9", "z")) {
      create(id, id.startsWith("d") ? "thermometer" : "meter", Map.of());
      created.add(id);
    }

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    do {
      DevicePage page =
          DevicePages.fetch(
              underTest, "/api/v1/devices?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      page.items().forEach(device -> seen.add(device.id()));
      pageSizes.add(page.items().size());
      cursor = page.nextCursor();
    } while (cursor != null);

    assertThat(seen).isEqualTo(created.stream().sorted().toList());
    assertThat(pageSizes).containsExactly(3, 3, 2);
  }

  @Test
  void pagesThroughAFilteredSearch() {
    for (int i = 0; i < 5; i++) {
      create("t-" + i, "thermometer", Map.of());
      create("m-" + i, "meter", Map.of());
    }

    DevicePage first = DevicePages.fetch(underTest, "/api/v1/devices?type=meter&limit=2");
    DevicePage second =
        DevicePages.fetch(
            underTest, "/api/v1/devices?type=meter&limit=2&cursor=" + first.nextCursor());

    assertThat(first.items()).extracting(DeviceResponse::id).containsExactly("m-0", "m-1");
    assertThat(second.items()).extracting(DeviceResponse::id).containsExactly("m-2", "m-3");
  }

  @Test
  void endsWithoutACursorWhenTheLastPageIsFull() {
    create("t-1", "thermometer", Map.of());
    create("t-2", "thermometer", Map.of());

    assertThat(DevicePages.fetch(underTest, "/api/v1/devices?limit=2").nextCursor()).isNull();
  }

  @Test
  void refusesATamperedCursor() {
    create("t-1", "thermometer", Map.of());
    create("t-2", "thermometer", Map.of());
    String cursor = DevicePages.fetch(underTest, "/api/v1/devices?limit=1").nextCursor();
    String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

    assertProblem(
        underTest.get().uri("/api/v1/devices?cursor=" + tampered).exchange(),
        400,
        "page.invalid-cursor");
  }

  @Test
  void refusesALimitAboveTheMaximum() {
    assertProblem(
        underTest.get().uri("/api/v1/devices?limit=501").exchange(), 400, "device.invalid-filter");
  }

  @Test
  void refusesALabelFilterWithoutAColon() {
    assertProblem(
        underTest.get().uri("/api/v1/devices?label=site").exchange(), 400, "device.invalid-filter");
  }

  @Test
  void refusesAnEmptyLastSeenRange() {
    assertProblem(
        underTest.get().uri("/api/v1/devices?lastSeenFrom=" + T0 + "&lastSeenTo=" + T0).exchange(),
        400,
        "device.invalid-filter");
  }

  @Test
  void refusesAnUnknownStatus() {
    assertProblem(
        underTest.get().uri("/api/v1/devices?status=ASLEEP").exchange(), 400, "request.invalid");
  }

  private void create(String id, String type, Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>(fields);
    body.put("id", id);
    body.put("type", type);
    underTest
        .post()
        .uri("/api/v1/devices")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange()
        .expectStatus()
        .isCreated();
  }

  private List<String> ids(String uri) {
    return DevicePages.fetch(underTest, uri).items().stream().map(DeviceResponse::id).toList();
  }

  private static void lastSeen(String id, Instant at) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement update =
            connection.prepareStatement("UPDATE devices SET last_seen = ? WHERE id = ?")) {
      update.setTimestamp(1, Timestamp.from(at));
      update.setString(2, id);
      update.executeUpdate();
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = connect()) {
      connection.createStatement().execute(sql);
    }
  }

  private static Connection connect() throws SQLException {
    PostgresServer postgres = TestServers.postgres();
    return postgres.connect(TestServers.POSTGRES_DATABASE);
  }
}
