package org.iotplatform.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iotplatform.contracts.DeviceEventType;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.testsupport.TestDevices;
import org.iotplatform.testsupport.TestJwts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against real Redis and Kafka: operators over REST, devices through Kafka records as
 * the bridge forwards them, answers read from {@code iot.downlink.v1}.
 */
class ShadowIT extends ShadowITBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static @Nullable KafkaProbe downlink;
  private static @Nullable KafkaProbe changes;

  private final String device = TestDevices.createOne();

  @LocalServerPort private int port;

  @BeforeAll
  static void topics() {
    KafkaProbe.createServiceTopics();
    downlink = new KafkaProbe(KafkaTopics.DOWNLINK);
    changes = new KafkaProbe(KafkaTopics.SHADOW_CHANGES);
  }

  @AfterAll
  static void closeProbes() {
    if (downlink != null) {
      downlink.close();
    }
    if (changes != null) {
      changes.close();
    }
  }

  @BeforeEach
  void registerDevice() {
    registerInTenant(device, "default");
  }

  @Test
  void anOperatorsDesiredChangeReachesTheDeviceAsADelta() throws Exception {
    HttpResponse<String> patched =
        patch(device, "{\"state\":{\"desired\":{\"mode\":\"eco\",\"target\":21}}}", null);

    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(patched.headers().firstValue("ETag")).contains("\"1\"");
    JsonNode delta = awaitDownlink(device, "shadow/update/delta");
    assertThat(delta.path("state").path("mode").stringValue()).isEqualTo("eco");
    assertThat(delta.path("version").longValue()).isEqualTo(1);
    JsonNode shadow = JSON.readTree(get(device).body());
    assertThat(shadow.path("state").path("delta").path("target").intValue()).isEqualTo(21);
  }

  @Test
  void aDeviceReportClearsTheDeltaAndIsAcceptedOverMqtt() throws Exception {
    patch(device, "{\"state\":{\"desired\":{\"mode\":\"eco\"}}}", null);

    deviceRequest(
        device,
        "shadow/update",
        "{\"state\":{\"reported\":{\"mode\":\"eco\"}},\"clientToken\":\"t-1\"}");

    JsonNode accepted = awaitDownlinkWithToken(device, "shadow/update/accepted", "t-1");
    assertThat(accepted.path("version").longValue()).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(JSON.readTree(get(device).body()).path("state").has("delta")).isFalse());
  }

  @Test
  void aDeviceGetsItsDocumentAndARejectionForAStaleVersion() throws Exception {
    patch(device, "{\"state\":{\"desired\":{\"fan\":true}}}", null);

    deviceRequest(device, "shadow/get", "{\"clientToken\":\"g-1\"}");
    deviceRequest(
        device,
        "shadow/update",
        "{\"state\":{\"reported\":{\"fan\":false}},\"version\":7,\"clientToken\":\"u-1\"}");

    JsonNode document = awaitDownlinkWithToken(device, "shadow/get/accepted", "g-1");
    assertThat(document.path("state").path("desired").path("fan").booleanValue()).isTrue();
    JsonNode rejected = awaitDownlinkWithToken(device, "shadow/update/rejected", "u-1");
    assertThat(rejected.path("code").intValue()).isEqualTo(409);
    assertThat(rejected.path("errorCode").stringValue()).isEqualTo("shadow.version-conflict");
    assertThat(get(device).headers().firstValue("ETag")).contains("\"1\"");
  }

  @Test
  void malformedDeviceRequestsAreRejectedAndChangeNothing() throws Exception {
    deviceRequest(device, "shadow/update", "{\"state\":");
    deviceRequest(device, "shadow/update", "{\"state\":[1,2],\"clientToken\":\"bad-2\"}");

    JsonNode malformed = awaitDownlink(device, "shadow/update/rejected");
    assertThat(malformed.path("errorCode").stringValue()).isEqualTo("shadow.malformed-json");
    JsonNode invalid = awaitDownlinkWithToken(device, "shadow/update/rejected", "bad-2");
    assertThat(invalid.path("code").intValue()).isEqualTo(400);
    assertThat(get(device).statusCode()).isEqualTo(404);
  }

  @Test
  void aConnectingDeviceIsSentItsPendingDelta() throws Exception {
    patch(device, "{\"state\":{\"desired\":{\"a\":1}}}", null);
    patch(device, "{\"state\":{\"desired\":{\"b\":2}}}", null);
    int deltasBefore = downlinkFor(device, "shadow/update/delta").size();

    downlink()
        .send(
            KafkaTopics.DEVICE_EVENTS,
            device,
            "",
            KafkaHeaders.EVENT_TYPE,
            DeviceEventType.CONNECTED.headerValue());

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> downlinkFor(device, "shadow/update/delta").size() > deltasBefore);
    List<JsonNode> deltas = downlinkFor(device, "shadow/update/delta");
    JsonNode pushed = deltas.get(deltas.size() - 1);
    assertThat(pushed.path("state").path("a").intValue()).isEqualTo(1);
    assertThat(pushed.path("state").path("b").intValue()).isEqualTo(2);
  }

  @Test
  void ifMatchWithAnOldVersionIsAConflictAndOtherTenantsSeeNothing() throws Exception {
    patch(device, "{\"state\":{\"desired\":{\"a\":1}}}", null);
    patch(device, "{\"state\":{\"desired\":{\"a\":2}}}", null);

    HttpResponse<String> stale = patch(device, "{\"state\":{\"desired\":{\"a\":3}}}", "\"1\"");
    HttpResponse<String> current = patch(device, "{\"state\":{\"desired\":{\"a\":3}}}", "\"2\"");
    HttpResponse<String> foreign =
        send(
            HttpRequest.newBuilder(uri("/api/v1/devices/" + device + "/shadow"))
                .header("Authorization", "Bearer " + TestJwts.token("other", "admin"))
                .GET());

    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(stale.body()).path("errorCode").stringValue())
        .isEqualTo("shadow.version-conflict");
    assertThat(current.statusCode()).isEqualTo(200);
    assertThat(foreign.statusCode()).isEqualTo(404);
  }

  @Test
  void operatorsCannotSetReportedStateNorStoreOversizeDocuments() throws Exception {
    HttpResponse<String> reported = patch(device, "{\"state\":{\"reported\":{\"a\":1}}}", null);
    HttpResponse<String> huge =
        patch(device, "{\"state\":{\"desired\":{\"blob\":\"" + "x".repeat(70_000) + "\"}}}", null);

    assertThat(reported.statusCode()).isEqualTo(400);
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(get(device).statusCode()).isEqualTo(404);
  }

  @Test
  void concurrentOperatorUpdatesAreAllMerged() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<HttpResponse<String>>> results =
          java.util.stream.IntStream.range(0, writers)
              .mapToObj(
                  i ->
                      pool.submit(
                          () ->
                              patch(
                                  device,
                                  "{\"state\":{\"desired\":{\"k" + i + "\":" + i + "}}}",
                                  null)))
              .toList();
      for (Future<HttpResponse<String>> result : results) {
        assertThat(result.get().statusCode()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }

    HttpResponse<String> shadow = get(device);
    assertThat(shadow.headers().firstValue("ETag")).contains("\"" + writers + "\"");
    JsonNode desired = JSON.readTree(shadow.body()).path("state").path("desired");
    for (int i = 0; i < writers; i++) {
      assertThat(desired.path("k" + i).intValue()).isEqualTo(i);
    }
  }

  @Test
  void historyChangeStreamAndDeleteKeepTheVersionGoing() throws Exception {
    patch(device, "{\"state\":{\"desired\":{\"a\":1}}}", null);
    patch(device, "{\"state\":{\"desired\":{\"a\":2}}}", null);

    JsonNode history =
        JSON.readTree(
            authorized(uri("/api/v1/devices/" + device + "/shadow/history?limit=5")).body());
    HttpResponse<String> deleted =
        send(
            HttpRequest.newBuilder(uri("/api/v1/devices/" + device + "/shadow"))
                .header("Authorization", bearer())
                .DELETE());
    HttpResponse<String> recreated = patch(device, "{\"state\":{\"desired\":{\"a\":3}}}", null);

    assertThat(history.path("items").size()).isEqualTo(2);
    assertThat(history.path("items").get(0).path("document").path("version").longValue())
        .isEqualTo(2);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(recreated.headers().firstValue("ETag")).contains("\"4\"");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        changes().receivedFor(device).stream()
                            .map(r -> JSON.readTree(r.value()).path("operation").stringValue())
                            .toList())
                    .containsExactly("update", "update", "delete", "update"));
  }

  @Test
  void namedShadowsAreSeparateDocumentsAndADeletedDeviceLosesThem() throws Exception {
    deviceRequest(
        device,
        "shadow/name/config/update",
        "{\"state\":{\"reported\":{\"interval\":10}},\"clientToken\":\"n-1\"}");
    awaitDownlinkWithToken(device, "shadow/name/config/update/accepted", "n-1");
    patch(device, "{\"state\":{\"desired\":{\"mode\":\"eco\"}}}", null);

    JsonNode names =
        JSON.readTree(authorized(uri("/api/v1/devices/" + device + "/shadows")).body());
    JsonNode named =
        JSON.readTree(authorized(uri("/api/v1/devices/" + device + "/shadows/config")).body());
    assertThat(names.path("items").size()).isEqualTo(2);
    assertThat(named.path("state").path("reported").path("interval").intValue()).isEqualTo(10);
    assertThat(named.path("state").has("desired")).isFalse();

    downlink().send(KafkaTopics.DEVICES, device, null, null, null);

    await().atMost(Duration.ofSeconds(10)).until(() -> get(device).statusCode() == 404);
    registerInTenant(device, "default");
    assertThat(authorized(uri("/api/v1/devices/" + device + "/shadows/config")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void fleetQueriesFindDevicesByShadowContentThroughTheIndexTheUpdatesKeep() throws Exception {
    String behind = TestDevices.createOne();
    registerInTenant(behind, "default");
    for (String id : List.of(device, behind)) {
      patch(id, "{\"state\":{\"desired\":{\"firmware\":\"2.0\"}}}", null);
      deviceRequest(
          id,
          "shadow/update",
          "{\"state\":{\"reported\":{\"firmware\":\"1.0\",\"mode\":\"eco\"}},"
              + "\"clientToken\":\"fw-"
              + id
              + "\"}");
      awaitDownlinkWithToken(id, "shadow/update/accepted", "fw-" + id);
    }
    deviceRequest(device, "shadow/update", "{\"state\":{\"reported\":{\"firmware\":\"2.0\"}}}");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(fleet("reported.firmware != desired.firmware")).containsExactly(behind));
    assertThat(fleet("reported.mode = 'eco'")).containsExactlyInAnyOrder(device, behind);
    HttpResponse<String> invalid =
        authorized(
            uri(
                "/api/v1/shadows?q="
                    + java.net.URLEncoder.encode(
                        "reported.mode >", java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(invalid.body()).path("errorCode").stringValue())
        .isEqualTo("shadow.invalid-query");
  }

  @Test
  void anUnknownDeviceIsNotFound() throws Exception {
    HttpResponse<String> response = get("never-registered-" + device);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("errorCode").stringValue())
        .isEqualTo("shadow.not-found");
  }

  /** The device ids of every page of the fleet query {@code query}. */
  private List<String> fleet(String query) throws Exception {
    List<String> found = new java.util.ArrayList<>();
    String cursor = null;
    do {
      String url =
          "/api/v1/shadows?limit=1&q="
              + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
              + (cursor == null ? "" : "&cursor=" + cursor);
      JsonNode page = JSON.readTree(authorized(uri(url)).body());
      page.path("items").forEach(item -> found.add(item.path("deviceId").stringValue()));
      cursor = page.path("nextCursor").isString() ? page.path("nextCursor").stringValue() : null;
    } while (cursor != null);
    return found;
  }

  private void registerInTenant(String deviceId, String tenant) {
    downlink()
        .send(
            KafkaTopics.DEVICES,
            deviceId,
            "{\"tenantId\":\"" + tenant + "\",\"deviceId\":\"" + deviceId + "\"}",
            null,
            null);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                get(deviceId).statusCode() != 404
                    || JSON.readTree(get(deviceId).body())
                        .path("detail")
                        .stringValue()
                        .contains("no shadow"));
  }

  private void deviceRequest(String deviceId, String subtopic, String payload) {
    downlink()
        .sendFromDevice(
            KafkaTopics.SHADOW, deviceId, "devices/" + deviceId + "/" + subtopic, payload);
  }

  private JsonNode awaitDownlink(String deviceId, String subtopic) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> downlinkFor(deviceId, subtopic), list -> !list.isEmpty())
        .get(0);
  }

  private JsonNode awaitDownlinkWithToken(String deviceId, String subtopic, String token) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                downlinkFor(deviceId, subtopic).stream()
                    .filter(
                        p ->
                            p.path("clientToken").isString()
                                && token.equals(p.path("clientToken").stringValue()))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  /** The payloads sent to {@code devices/{deviceId}/{subtopic}}, in order. */
  private static List<JsonNode> downlinkFor(String deviceId, String subtopic) {
    String topic = "devices/" + deviceId + "/" + subtopic;
    return downlink().receivedFor(deviceId).stream()
        .map(ConsumerRecord::value)
        .map(JSON::readTree)
        .filter(message -> topic.equals(message.path("topic").stringValue()))
        .map(message -> JSON.readTree(message.path("payload").stringValue()))
        .toList();
  }

  private HttpResponse<String> get(String deviceId) throws Exception {
    return authorized(uri("/api/v1/devices/" + deviceId + "/shadow"));
  }

  private HttpResponse<String> authorized(URI uri) throws Exception {
    return send(HttpRequest.newBuilder(uri).header("Authorization", bearer()).GET());
  }

  private HttpResponse<String> patch(String deviceId, String body, @Nullable String ifMatch)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/api/v1/devices/" + deviceId + "/shadow"))
            .header("Authorization", bearer())
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String bearer() {
    return "Bearer " + TestJwts.token("default", "operator");
  }

  private static KafkaProbe downlink() {
    if (downlink == null) {
      throw new IllegalStateException("probes start before the tests");
    }
    return downlink;
  }

  private static KafkaProbe changes() {
    if (changes == null) {
      throw new IllegalStateException("probes start before the tests");
    }
    return changes;
  }
}
