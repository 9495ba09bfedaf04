package org.iotplatform.alerts.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;
import org.iotplatform.alerts.alert.AlertIds;
import org.iotplatform.alerts.alert.AlertsITBase;
import org.iotplatform.contracts.AlertEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * While a silence is active, the alerts it covers are recorded (and show the silence) but not
 * notified; alerts it does not cover are notified as usual.
 */
class SilenceIT extends AlertsITBase {

  private static final Duration BOUND = Duration.ofSeconds(30);

  private final TestChannels channels;
  private final TestGroups groups;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private HttpServer webhook;

  SilenceIT(@Autowired TestChannels channels, @Autowired TestGroups groups) {
    this.channels = channels;
    this.groups = groups;
  }

  @BeforeEach
  void startWebhook() throws IOException {
    webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    webhook.createContext(
        "/",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhook.start();
  }

  @AfterEach
  void stopWebhook() {
    webhook.stop(0);
  }

  @Test
  void aSilencedDeviceIsRecordedButNotNotified() {
    String ruleId = ruleWithWebhook();
    String silenceId = createSilence("{\"deviceIds\":[\"pump-1\"]}");
    AlertEvent silenced = fired("default", ruleId, "pump-1", Instant.now());
    AlertEvent notified = fired("default", ruleId, "pump-2", Instant.now());

    publish(silenced, notified);

    await().atMost(BOUND).until(() -> bodies.stream().anyMatch(b -> b.contains("pump-2")));
    assertThat(bodies).noneMatch(body -> body.contains("pump-1"));
    operator()
        .get()
        .uri("/api/v1/alerts/{id}", AlertIds.instanceId("default", silenced.alertId()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.alert.silenceId")
        .isEqualTo(silenceId)
        .jsonPath("$.history[0].silenceId")
        .isEqualTo(silenceId)
        .jsonPath("$.notifications.length()")
        .isEqualTo(0);
  }

  @Test
  void aGroupSilenceCoversTheGroupsMembers() {
    String ruleId = ruleWithWebhook();
    groups.set("cold-room", "fridge-1", "fridge-2");
    createSilence("{\"group\":\"cold-room\"}");

    publish(
        fired("default", ruleId, "fridge-2", Instant.now()),
        fired("default", ruleId, "fridge-3", Instant.now()));

    await().atMost(BOUND).until(() -> bodies.stream().anyMatch(b -> b.contains("fridge-3")));
    assertThat(bodies).noneMatch(body -> body.contains("fridge-2"));
  }

  @Test
  void aRuleSilenceCoversAllItsDevicesAndADeletedOneNoLonger() {
    String ruleId = ruleWithWebhook();
    String silenceId = createSilence("{\"ruleId\":\"" + ruleId + "\"}");
    AlertEvent during = fired("default", ruleId, "valve-1", Instant.now());
    publish(during);
    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                operator()
                    .get()
                    .uri("/api/v1/alerts/{id}", AlertIds.instanceId("default", during.alertId()))
                    .exchange()
                    .expectStatus()
                    .isOk());

    operator()
        .delete()
        .uri("/api/v1/silences/{id}", silenceId)
        .exchange()
        .expectStatus()
        .isNoContent();
    publish(fired("default", ruleId, "valve-2", Instant.now()));

    await().atMost(BOUND).until(() -> bodies.stream().anyMatch(b -> b.contains("valve-2")));
    assertThat(bodies).noneMatch(body -> body.contains("valve-1"));
  }

  @Test
  void listsTheTenantsOwnSilencesOnly() {
    String mine = createSilence("{\"deviceIds\":[\"x-1\"]}");

    String list =
        client("other", "viewer")
            .get()
            .uri("/api/v1/silences")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat((List<String>) JsonPath.read(list, "$.items[*].id")).doesNotContain(mine);
    client("other", "operator")
        .delete()
        .uri("/api/v1/silences/{id}", mine)
        .exchange()
        .expectStatus()
        .isNotFound();
    client("default", "viewer")
        .get()
        .uri("/api/v1/silences")
        .exchange()
        .expectBody()
        .jsonPath("$.items[0].id")
        .isEqualTo(mine)
        .jsonPath("$.items[0].scope.deviceIds[0]")
        .isEqualTo("x-1")
        .jsonPath("$.items[0].createdBy")
        .isEqualTo("test-operator");
  }

  @Test
  void refusesSilencesWithoutOneScopeOrInThePast() {
    post("{\"endsAt\":\"" + Instant.now().plusSeconds(60) + "\",\"comment\":\"c\"}")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("silence.invalid");
    post("{\"endsAt\":\"2020-01-01T00:00:00Z\",\"comment\":\"c\","
            + "\"scope\":{\"deviceIds\":[\"d\"]}}")
        .expectStatus()
        .isBadRequest();
    post("{\"endsAt\":\""
            + Instant.now().plusSeconds(60)
            + "\",\"comment\":\"c\",\"scope\":{\"deviceIds\":[\"d\"],\"ruleId\":\"r\"}}")
        .expectStatus()
        .isBadRequest();
    post("{\"endsAt\":\""
            + Instant.now().plusSeconds(60)
            + "\",\"comment\":\"c\",\"scope\":{\"group\":\"no-such-group\"}}")
        .expectStatus()
        .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectBody()
        .jsonPath("$.errorCode")
        .isEqualTo("silence.group-not-found");
  }

  private String ruleWithWebhook() {
    String ruleId = newRuleId();
    URI url = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
    channels.set(
        "default",
        ruleId,
        new ChannelTarget("hook-" + ruleId, "ops", ChannelTarget.WEBHOOK, url, "s", List.of()));
    return ruleId;
  }

  private String createSilence(String scope) {
    String body =
        post("{\"endsAt\":\""
                + Instant.now().plusSeconds(3600)
                + "\",\"comment\":\"pump maintenance\",\"scope\":"
                + scope
                + "}")
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    String id = JsonPath.read(body, "$.id");
    assertThat(UUID.fromString(id)).isNotNull();
    return id;
  }

  private RestTestClient.ResponseSpec post(String body) {
    return operator()
        .post()
        .uri("/api/v1/silences")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange();
  }

  private RestTestClient operator() {
    return client("default", "operator");
  }
}
