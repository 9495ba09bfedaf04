package org.iotplatform.registry.devicetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Device types through the REST API against a real PostgreSQL. */
class DeviceTypeApiIT extends RegistryITBase {

  private static final String THERMOMETER =
      """
      {"name": "thermometer",
       "metrics": {"temperature": {"unit": "Cel", "min": -40.0, "max": 85.0},
                   "humidity": {"unit": "%", "min": 0.0, "max": 100.0}}}
      """;

  private final RestTestClient underTest;

  DeviceTypeApiIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @Test
  void createsAndReadsBackADeviceTypeWithItsMetrics() {
    underTest
        .post()
        .uri("/api/v1/device-types")
        .contentType(MediaType.APPLICATION_JSON)
        .body(THERMOMETER)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .location("/api/v1/device-types/thermometer");

    underTest
        .get()
        .uri("/api/v1/device-types/thermometer")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            """
            {"name": "thermometer",
             "metrics": {"temperature": {"unit": "Cel", "min": -40.0, "max": 85.0},
                         "humidity": {"unit": "%", "min": 0.0, "max": 100.0}}}
            """,
            JsonCompareMode.LENIENT);
  }

  @Test
  void listsTheTenantsDeviceTypesByName() {
    create("{\"name\": \"meter\"}");
    create("{\"name\": \"camera\"}");

    List<DeviceTypeResponse> types =
        underTest
            .get()
            .uri("/api/v1/device-types")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(new ParameterizedTypeReference<List<DeviceTypeResponse>>() {})
            .returnResult()
            .getResponseBody();

    assertThat(types).extracting(DeviceTypeResponse::name).containsExactly("camera", "meter");
  }

  @Test
  void refusesASecondTypeOfTheSameName() {
    create(THERMOMETER);

    assertProblem(post(THERMOMETER), 409, "device-type.duplicate");
  }

  @Test
  void refusesAMetricWhoseMinIsAboveItsMax() {
    assertProblem(
        post("{\"name\": \"bad\", \"metrics\": {\"t\": {\"min\": 10.0, \"max\": 0.0}}}"),
        400,
        "device-type.invalid");
    assertProblem(
        underTest.get().uri("/api/v1/device-types/bad").exchange(), 404, "device-type.not-found");
  }

  @Test
  void refusesANameOutsideTheIdAlphabet() {
    assertProblem(post("{\"name\": \"no spaces\"}"), 400, "device-type.invalid");
  }

  @Test
  void replacesTheMetricsOfATypeWithPut() {
    create(THERMOMETER);

    put("thermometer", "{\"metrics\": {\"temperature\": {\"unit\": \"Cel\", \"max\": 60.0}}}")
        .expectStatus()
        .isOk();

    DeviceTypeResponse updated =
        underTest
            .get()
            .uri("/api/v1/device-types/thermometer")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(DeviceTypeResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(updated).isNotNull();
    // The put replaces all metrics: humidity is gone.
    assertThat(updated.metrics())
        .isEqualTo(Map.of("temperature", new MetricRange("Cel", null, 60.0)));
  }

  @Test
  void refusesToRenameOrUpdateAMissingTypeWithPut() {
    create(THERMOMETER);

    assertProblem(put("thermometer", "{\"name\": \"other\"}"), 400, "device-type.invalid");
    assertProblem(put("no-such-type", "{\"metrics\": {}}"), 404, "device-type.not-found");
  }

  @Test
  void deletesAnUnusedType() {
    create(THERMOMETER);

    underTest
        .delete()
        .uri("/api/v1/device-types/thermometer")
        .exchange()
        .expectStatus()
        .isNoContent();

    assertProblem(
        underTest.get().uri("/api/v1/device-types/thermometer").exchange(),
        404,
        "device-type.not-found");
  }

  @Test
  void refusesToDeleteATypeThatDevicesUse() {
    create(THERMOMETER);
    underTest
        .post()
        .uri("/api/v1/devices")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("id", "t-1", "type", "thermometer"))
        .exchange()
        .expectStatus()
        .isCreated();

    assertProblem(
        underTest.delete().uri("/api/v1/device-types/thermometer").exchange(),
        409,
        "device-type.in-use");
    underTest.get().uri("/api/v1/device-types/thermometer").exchange().expectStatus().isOk();
  }

  private RestTestClient.ResponseSpec post(String json) {
    return underTest
        .post()
        .uri("/api/v1/device-types")
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .exchange();
  }

  private RestTestClient.ResponseSpec put(String name, String json) {
    return underTest
        .put()
        .uri("/api/v1/device-types/" + name)
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .exchange();
  }

  private void create(String json) {
    post(json).expectStatus().isCreated();
  }
}
