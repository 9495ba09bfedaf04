package org.iotplatform.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A device's history through the REST API: every change, newest first, also after deletion. */
class AuditHistoryIT extends RegistryITBase {

  private final RestTestClient underTest;

  AuditHistoryIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @BeforeEach
  void createDeviceType() {
    post("/api/v1/device-types", Map.of("name", "meter")).expectStatus().isCreated();
  }

  @Test
  void recordsEveryChangeOfADeviceNewestFirst() {
    post("/api/v1/devices", Map.of("id", "audit-1", "type", "meter", "name", "Basement"))
        .expectStatus()
        .isCreated();
    patch("audit-1", Map.of("name", "Cellar", "labels", Map.of("site", "berlin")));
    String credential =
        post("/api/v1/devices/audit-1/credentials/tokens", Map.of())
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    underTest
        .delete()
        .uri("/api/v1/devices/audit-1/credentials/" + credential)
        .exchange()
        .expectStatus()
        .is2xxSuccessful();

    List<AuditEntry> history = history("/api/v1/devices/audit-1/history").items();

    assertThat(history)
        .extracting(AuditEntry::action)
        .containsExactly(
            "credential.revoked", "credential.issued", "device.updated", "device.created");
    assertThat(history.get(3).details())
        .containsEntry("type", "meter")
        .containsEntry("name", "Basement");
    assertThat(history.get(2).details())
        .isEqualTo(
            Map.of(
                "name", Map.of("from", "Basement", "to", "Cellar"),
                "labels", Map.of("from", Map.of(), "to", Map.of("site", "berlin"))));
    assertThat(history.get(1).details())
        .containsEntry("credentialId", credential)
        .containsEntry("kind", "TOKEN");
    assertThat(history).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo(TEST_ADMIN));
    assertThat(history.get(0).at()).isAfterOrEqualTo(history.get(3).at());
  }

  @Test
  void keepsTheHistoryOfADeletedDevice() {
    post("/api/v1/devices", Map.of("id", "audit-2", "type", "meter")).expectStatus().isCreated();
    underTest.delete().uri("/api/v1/devices/audit-2").exchange().expectStatus().isNoContent();

    assertThat(history("/api/v1/devices/audit-2/history").items())
        .extracting(AuditEntry::action)
        .containsExactly("device.deleted", "device.created");
  }

  @Test
  void pagesWithACursor() {
    post("/api/v1/devices", Map.of("id", "audit-3", "type", "meter")).expectStatus().isCreated();
    for (int i = 1; i <= 4; i++) {
      patch("audit-3", Map.of("name", "name " + i));
    }

    AuditPage first = history("/api/v1/devices/audit-3/history?limit=3");
    AuditPage second =
        history("/api/v1/devices/audit-3/history?limit=3&cursor=" + first.nextCursor());

    assertThat(first.items()).hasSize(3);
    assertThat(second.items())
        .extracting(AuditEntry::action)
        .containsExactly("device.updated", "device.created");
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void answersAnUnknownDeviceWith404AndABadCursorWith400() {
    assertProblem(
        underTest.get().uri("/api/v1/devices/nobody/history").exchange(), 404, "device.not-found");
    post("/api/v1/devices", Map.of("id", "audit-4", "type", "meter")).expectStatus().isCreated();
    assertProblem(
        underTest.get().uri("/api/v1/devices/audit-4/history?cursor=garbage").exchange(),
        400,
        "page.invalid-cursor");
    assertProblem(
        underTest.get().uri("/api/v1/devices/audit-4/history?limit=0").exchange(),
        400,
        "device.invalid-filter");
  }

  private AuditPage history(String uri) {
    return underTest
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(AuditPage.class)
        .returnResult()
        .getResponseBody();
  }

  private RestTestClient.ResponseSpec post(String uri, Object body) {
    return underTest.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
  }

  private void patch(String id, Object body) {
    underTest
        .patch()
        .uri("/api/v1/devices/" + id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange()
        .expectStatus()
        .isOk();
  }
}
