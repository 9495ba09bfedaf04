package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Creating, reading, updating and deleting devices through the REST API on a real PostgreSQL. */
class DeviceApiIT extends RegistryITBase {

  private final RestTestClient underTest;

  DeviceApiIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @BeforeEach
  void createDeviceType() {
    underTest
        .post()
        .uri("/api/v1/device-types")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "thermometer"))
        .exchange()
        .expectStatus()
        .isCreated();
  }

  @Test
  void createsADeviceAndReadsItBack() {
    post("""
            {"id": "thermo-1", "type": "thermometer", "name": "Kitchen",
             "labels": {"site": "berlin"}, "location": {"lat": 52.52, "lon": 13.405},
             "metadata": {"serial": "A-17", "rack": {"row": 3}}, "firmwareVersion": "2.4.1"}
            """)
        .expectStatus()
        .isCreated()
        .expectHeader()
        .location("/api/v1/devices/thermo-1")
        .expectHeader()
        .valueEquals(HttpHeaders.ETAG, "\"0\"");

    underTest
        .get()
        .uri("/api/v1/devices/thermo-1")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            """
            {"id": "thermo-1", "type": "thermometer", "name": "Kitchen",
             "labels": {"site": "berlin"}, "location": {"lat": 52.52, "lon": 13.405},
             "metadata": {"serial": "A-17", "rack": {"row": 3}}, "firmwareVersion": "2.4.1",
             "status": "OFFLINE", "lastSeen": null, "version": 0}
            """,
            JsonCompareMode.LENIENT);
  }

  @Test
  void refusesADuplicateIdAndKeepsTheFirstDevice() {
    post("{\"id\": \"thermo-1\", \"type\": \"thermometer\", \"name\": \"first\"}")
        .expectStatus()
        .isCreated();

    assertProblem(
        post("{\"id\": \"thermo-1\", \"type\": \"thermometer\", \"name\": \"second\"}"),
        409,
        "device.duplicate");
    assertThat(read("thermo-1").name()).isEqualTo("first");
  }

  @Test
  void refusesAnUnknownTypeAndStoresNothing() {
    assertProblem(
        post("{\"id\": \"thermo-1\", \"type\": \"toaster\"}"), 422, "device-type.unknown");

    assertProblem(get("thermo-1"), 404, "device.not-found");
  }

  @Test
  void refusesAnInvalidIdAndStoresNothing() {
    assertProblem(
        post("{\"id\": \"has/slash\", \"type\": \"thermometer\"}"), 400, "device.invalid-id");
    assertProblem(post("{\"type\": \"thermometer\"}"), 400, "device.invalid-id");

    assertThat(DevicePages.fetch(underTest, "/api/v1/devices").items()).isEmpty();
  }

  @Test
  void refusesALocationOutOfRangeAndStoresNothing() {
    assertProblem(
        post(
            "{\"id\": \"thermo-1\", \"type\": \"thermometer\","
                + " \"location\": {\"lat\": 91.0, \"lon\": 0.0}}"),
        400,
        "device.invalid");

    assertProblem(get("thermo-1"), 404, "device.not-found");
  }

  @Test
  void answersNotFoundForAnUnknownDevice() {
    assertProblem(get("nobody"), 404, "device.not-found");
  }

  @Test
  void updatesOnlyTheFieldsThePatchNames() {
    post("{\"id\": \"thermo-1\", \"type\": \"thermometer\", \"name\": \"Kitchen\","
            + " \"labels\": {\"site\": \"berlin\"}, \"firmwareVersion\": \"1.0\"}")
        .expectStatus()
        .isCreated();

    DeviceResponse updated =
        patch(
                "thermo-1",
                null,
                "{\"firmwareVersion\": \"1.1\", \"location\": {\"lat\": 1, \"lon\": 2}}")
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody(DeviceResponse.class)
            .returnResult()
            .getResponseBody();

    assertThat(updated).isEqualTo(read("thermo-1"));
    assertThat(updated.firmwareVersion()).isEqualTo("1.1");
    assertThat(updated.location()).isEqualTo(new Location(1.0, 2.0));
    assertThat(updated.name()).isEqualTo("Kitchen");
    assertThat(updated.labels()).containsExactlyEntriesOf(Map.of("site", "berlin"));
    assertThat(updated.version()).isEqualTo(1);
  }

  @Test
  void appliesAPatchWhoseIfMatchNamesTheCurrentVersion() {
    post("{\"id\": \"thermo-1\", \"type\": \"thermometer\"}").expectStatus().isCreated();

    patch("thermo-1", "\"0\"", "{\"name\": \"Hall\"}").expectStatus().isOk();

    assertThat(read("thermo-1").name()).isEqualTo("Hall");
  }

  @Test
  void refusesAPatchWithAStaleIfMatchAndKeepsTheDevice() {
    post("{\"id\": \"thermo-1\", \"type\": \"thermometer\"}").expectStatus().isCreated();
    patch("thermo-1", "\"0\"", "{\"name\": \"first\"}").expectStatus().isOk();

    assertProblem(
        patch("thermo-1", "\"0\"", "{\"name\": \"second\"}"), 412, "device.version-conflict");
    assertThat(read("thermo-1").name()).isEqualTo("first");
  }

  @Test
  void refusesAnInvalidPatchAndKeepsTheDevice() {
    post("{\"id\": \"thermo-1\", \"type\": \"thermometer\", \"labels\": {\"a\": \"b\"}}")
        .expectStatus()
        .isCreated();

    assertProblem(
        patch("thermo-1", null, "{\"labels\": {\"no:colons\": \"x\"}}"), 400, "device.invalid");
    assertThat(read("thermo-1").labels()).containsExactlyEntriesOf(Map.of("a", "b"));
  }

  @Test
  void answersNotFoundWhenPatchingAnUnknownDevice() {
    assertProblem(patch("nobody", null, "{\"name\": \"x\"}"), 404, "device.not-found");
  }

  @Test
  void deletesADevice() {
    post("{\"id\": \"thermo-1\", \"type\": \"thermometer\"}").expectStatus().isCreated();

    underTest.delete().uri("/api/v1/devices/thermo-1").exchange().expectStatus().isNoContent();

    assertProblem(get("thermo-1"), 404, "device.not-found");
    assertProblem(
        underTest.delete().uri("/api/v1/devices/thermo-1").exchange(), 404, "device.not-found");
  }

  private RestTestClient.ResponseSpec post(String json) {
    return underTest
        .post()
        .uri("/api/v1/devices")
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .exchange();
  }

  private RestTestClient.ResponseSpec patch(String id, String ifMatch, String json) {
    var request =
        underTest
            .patch()
            .uri("/api/v1/devices/{id}", id)
            .contentType(MediaType.valueOf("application/merge-patch+json"));
    if (ifMatch != null) {
      request = request.header(HttpHeaders.IF_MATCH, ifMatch);
    }
    return request.body(json).exchange();
  }

  private RestTestClient.ResponseSpec get(String id) {
    return underTest.get().uri("/api/v1/devices/{id}", id).exchange();
  }

  private DeviceResponse read(String id) {
    return get(id)
        .expectStatus()
        .isOk()
        .expectBody(DeviceResponse.class)
        .returnResult()
        .getResponseBody();
  }
}
