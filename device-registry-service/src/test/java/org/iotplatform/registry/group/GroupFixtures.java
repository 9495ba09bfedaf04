package org.iotplatform.registry.group;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.device.DevicePage;
import org.iotplatform.registry.device.DeviceResponse;
import org.iotplatform.testsupport.TestServers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Device types, devices and groups made through the registry's API, for the group tests. */
public final class GroupFixtures {

  private final RestTestClient client;

  public GroupFixtures(RestTestClient client) {
    this.client = client;
  }

  public void deviceTypes(String... names) {
    for (String name : names) {
      post("/api/v1/device-types", Map.of("name", name)).expectStatus().isCreated();
    }
  }

  /** Creates a device; {@code fields} are further fields of the body (labels, location, ...). */
  public void device(String id, String type, Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>(fields);
    body.put("id", id);
    body.put("type", type);
    post("/api/v1/devices", body).expectStatus().isCreated();
  }

  public GroupResponse staticGroup(String name, String... members) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("kind", "STATIC");
    if (members.length > 0) {
      body.put("members", List.of(members));
    }
    return created(post("/api/v1/groups", body));
  }

  public GroupResponse dynamicGroup(String name, Map<String, Object> filter) {
    return created(
        post("/api/v1/groups", Map.of("name", name, "kind", "DYNAMIC", "filter", filter)));
  }

  public RestTestClient.ResponseSpec post(String uri, Object body) {
    return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
  }

  /** GETs {@code uri}, expects 200 and returns the device page. */
  public DevicePage devicePage(String uri) {
    return client
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(DevicePage.class)
        .returnResult()
        .getResponseBody();
  }

  /** The ids of every page from {@code uri} on (which has a query), following the cursors. */
  public List<String> allDeviceIds(String uri) {
    List<String> ids = new ArrayList<>();
    @Nullable String cursor = null;
    do {
      DevicePage page = devicePage(uri + (cursor == null ? "" : "&cursor=" + cursor));
      page.items().stream().map(DeviceResponse::id).forEach(ids::add);
      cursor = page.nextCursor();
    } while (cursor != null);
    return ids;
  }

  /** Runs SQL on the registry's database directly, for what the API does not do (yet). */
  public static void sql(String... statements) throws SQLException {
    try (Connection connection = TestServers.postgres().connect(TestServers.POSTGRES_DATABASE);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** The number a counting query answers, read from the registry's database directly. */
  public static long count(String sql) throws SQLException {
    try (Connection connection = TestServers.postgres().connect(TestServers.POSTGRES_DATABASE);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static GroupResponse created(RestTestClient.ResponseSpec response) {
    return response
        .expectStatus()
        .isCreated()
        .expectBody(GroupResponse.class)
        .returnResult()
        .getResponseBody();
  }
}
