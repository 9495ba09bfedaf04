package org.iotplatform.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iotplatform.contracts.AlertEvent;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Alert events written to {@code iot.alerts.v1} become alert instances that operators list, inspect
 * and acknowledge, each tenant seeing only its own.
 */
class AlertLifecycleIT extends AlertsITBase {

  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final Instant T0 = Instant.parse("2026-11-22T13:00:00.123Z");

  @Test
  void aFiredEventBecomesAnActiveAlertAndItsDuplicateChangesNothing() {
    AlertEvent fired = fired("default", newRuleId(), "freezer-7", T0);
    UUID id = AlertIds.instanceId("default", fired.alertId());

    publish(fired, fired);
    AlertEvent marker = fired("default", fired.ruleId(), "marker", T0.plusSeconds(1));
    publish(marker);
    awaitAlert("default", AlertIds.instanceId("default", marker.alertId()));

    viewer("default")
        .get()
        .uri("/api/v1/alerts/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.alert.alertId")
        .isEqualTo(fired.alertId())
        .jsonPath("$.alert.state")
        .isEqualTo("ACTIVE")
        .jsonPath("$.alert.deviceId")
        .isEqualTo("freezer-7")
        .jsonPath("$.alert.value")
        .isEqualTo(-12.5)
        .jsonPath("$.history.length()")
        .isEqualTo(1)
        .jsonPath("$.history[0].kind")
        .isEqualTo("FIRED");
  }

  @Test
  void anAcknowledgedAlertIsResolvedByItsEventWithTheWholeHistory() {
    AlertEvent fired = fired("default", newRuleId(), "freezer-8", T0);
    UUID id = AlertIds.instanceId("default", fired.alertId());
    publish(fired);
    awaitAlert("default", id);

    operator("default")
        .post()
        .uri("/api/v1/alerts/{id}/acknowledge", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"note\":\"door left open, closing it\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("ACKNOWLEDGED")
        .jsonPath("$.acknowledgement.by")
        .isEqualTo("test-operator")
        .jsonPath("$.acknowledgement.note")
        .isEqualTo("door left open, closing it");

    publish(resolved(fired, T0.plusSeconds(60)));
    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                viewer("default")
                    .get()
                    .uri("/api/v1/alerts/{id}", id)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.alert.state")
                    .isEqualTo("RESOLVED"));

    viewer("default")
        .get()
        .uri("/api/v1/alerts/{id}", id)
        .exchange()
        .expectBody()
        .jsonPath("$.alert.resolvedAt")
        .isEqualTo("2026-11-22T13:01:00.123Z")
        .jsonPath("$.alert.acknowledgement.by")
        .isEqualTo("test-operator")
        .jsonPath("$.history[*].kind")
        .isEqualTo(List.of("FIRED", "ACKNOWLEDGED", "RESOLVED"));
  }

  @Test
  void acknowledgingTwiceKeepsTheFirstAcknowledgement() {
    AlertEvent fired = fired("default", newRuleId(), "freezer-9", T0);
    UUID id = AlertIds.instanceId("default", fired.alertId());
    publish(fired);
    awaitAlert("default", id);

    acknowledge(id, "{\"note\":\"first\"}").expectStatus().isOk();
    acknowledge(id, "{\"note\":\"second\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.acknowledgement.note")
        .isEqualTo("first");
    viewer("default")
        .get()
        .uri("/api/v1/alerts/{id}", id)
        .exchange()
        .expectBody()
        .jsonPath("$.history.length()")
        .isEqualTo(2);
  }

  @Test
  void aResolvedAlertCannotBeAcknowledged() {
    AlertEvent fired = fired("default", newRuleId(), "freezer-10", T0);
    UUID id = AlertIds.instanceId("default", fired.alertId());
    // The RESOLVED event alone: its FIRED one was never seen, and it still makes an alert.
    publish(resolved(fired, T0.plusSeconds(5)));
    awaitAlert("default", id);

    acknowledge(id, "{}")
        .expectStatus()
        .isEqualTo(HttpStatus.CONFLICT)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("alert.resolved");
  }

  @Test
  void aTenantNeverSeesAnotherTenantsAlerts() {
    String ruleId = newRuleId();
    AlertEvent mine = fired("default", ruleId, "freezer-11", T0);
    AlertEvent theirs = fired("other", ruleId, "freezer-11", T0);
    UUID theirId = AlertIds.instanceId("other", theirs.alertId());
    publish(theirs, mine);
    awaitAlert("default", AlertIds.instanceId("default", mine.alertId()));
    awaitAlert("other", theirId);

    viewer("default")
        .get()
        .uri("/api/v1/alerts?ruleId={rule}", ruleId)
        .exchange()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(1)
        .jsonPath("$.items[0].alertId")
        .isEqualTo(mine.alertId());
    viewer("default")
        .get()
        .uri("/api/v1/alerts/{id}", theirId)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("alert.not-found");
    acknowledge(theirId, "{}").expectStatus().isNotFound();
  }

  @Test
  void listsFilterAndPageNewestFirst() {
    String ruleId = newRuleId();
    for (int i = 0; i < 5; i++) {
      publish(fired("default", ruleId, "dev-" + i, T0.plusSeconds(i)));
    }
    AlertEvent last = fired("default", ruleId, "dev-4", T0.plusSeconds(4));
    awaitAlert("default", AlertIds.instanceId("default", last.alertId()));

    String firstPage =
        viewer("default")
            .get()
            .uri("/api/v1/alerts?ruleId={rule}&limit=3", ruleId)
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    List<String> firstDevices = JsonPath.read(firstPage, "$.items[*].deviceId");
    assertThat(firstDevices).containsExactly("dev-4", "dev-3", "dev-2");
    String cursor = JsonPath.read(firstPage, "$.nextCursor");
    viewer("default")
        .get()
        .uri("/api/v1/alerts?ruleId={rule}&limit=3&cursor={cursor}", ruleId, cursor)
        .exchange()
        .expectBody()
        .jsonPath("$.items[*].deviceId")
        .isEqualTo(List.of("dev-1", "dev-0"))
        .jsonPath("$.nextCursor")
        .doesNotExist();
    viewer("default")
        .get()
        .uri(
            "/api/v1/alerts?ruleId={rule}&deviceId=dev-1&state=active&severity=high"
                + "&from=2026-11-22T13:00:01Z&to=2026-11-22T13:00:02Z",
            ruleId)
        .exchange()
        .expectBody()
        .jsonPath("$.items[*].deviceId")
        .isEqualTo(List.of("dev-1"));
  }

  @Test
  void refusesBadFiltersAndCursorsWithProblemDetails() {
    viewer("default")
        .get()
        .uri("/api/v1/alerts?state=SLEEPING")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("alert.invalid-filter");
    viewer("default")
        .get()
        .uri("/api/v1/alerts?cursor=bm9wZQ")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("page.invalid-cursor");
  }

  @Test
  void anUnreadableRecordIsSkippedWithoutBlockingTheEventsAfterIt() {
    AlertEvent fired = fired("default", newRuleId(), "freezer-12", T0);
    send("freezer-12", "{not json".getBytes(StandardCharsets.UTF_8));
    send("freezer-12", "{\"eventId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    publish(fired);

    awaitAlert("default", AlertIds.instanceId("default", fired.alertId()));
    assertThat(metrics())
        .contains("iot_alerts_events_total{outcome=\"skipped\"}")
        .containsPattern("iot_alerts_alerts\\{state=\"ACTIVE\"} [1-9]");
  }

  private String metrics() {
    return RestTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .build()
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void anEventTheDatabaseRefusesIsSkippedWithoutBlockingTheEventsAfterIt() {
    String ruleId = newRuleId();
    AlertEvent good = fired("default", ruleId, "freezer-13", T0.plusSeconds(1));
    AlertEvent refused = withReason(fired("default", ruleId, "freezer-13", T0), "NUL \u0000 here");
    publish(refused, good);

    awaitAlert("default", AlertIds.instanceId("default", good.alertId()));
    viewer("default")
        .get()
        .uri("/api/v1/alerts/{id}", AlertIds.instanceId("default", refused.alertId()))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aViewerCannotAcknowledge() {
    viewer("default")
        .post()
        .uri("/api/v1/alerts/{id}/acknowledge", UUID.randomUUID())
        .contentType(MediaType.APPLICATION_JSON)
        .body("{}")
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  private static AlertEvent withReason(AlertEvent event, String reason) {
    return new AlertEvent(
        event.eventId(),
        event.alertId(),
        event.kind(),
        event.tenantId(),
        event.ruleId(),
        event.ruleVersion(),
        event.ruleName(),
        event.severity(),
        event.deviceId(),
        event.metric(),
        event.value(),
        event.at(),
        event.firedAt(),
        reason,
        event.emittedAt());
  }

  private RestTestClient.ResponseSpec acknowledge(UUID id, String body) {
    return operator("default")
        .post()
        .uri("/api/v1/alerts/{id}/acknowledge", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange();
  }

  private void awaitAlert(String tenant, UUID id) {
    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                viewer(tenant)
                    .get()
                    .uri("/api/v1/alerts/{id}", id)
                    .exchange()
                    .expectStatus()
                    .isOk());
  }

  private RestTestClient viewer(String tenant) {
    return client(tenant, "viewer");
  }

  private RestTestClient operator(String tenant) {
    return client(tenant, "operator");
  }
}
