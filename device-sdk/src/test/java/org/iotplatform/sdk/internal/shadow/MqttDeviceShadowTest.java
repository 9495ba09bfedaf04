package org.iotplatform.sdk.internal.shadow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.iotplatform.sdk.PublishReceipt;
import org.iotplatform.sdk.Qos;
import org.iotplatform.sdk.shadow.ReportAccepted;
import org.iotplatform.sdk.shadow.ShadowDocument;
import org.iotplatform.sdk.shadow.ShadowRejectedException;
import org.iotplatform.sdk.shadow.ShadowRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The shadow client's protocol logic, its answers fed by hand (no broker). */
class MqttDeviceShadowTest {

  private record Request(String subtopic, JsonNode json) {
    String token() {
      return json.get("clientToken").stringValue();
    }
  }

  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final List<Request> requests = new ArrayList<>();
  private final List<Long> deltas = new ArrayList<>();
  private final MqttDeviceShadow underTest =
      new MqttDeviceShadow(
          "dev-1",
          null,
          (subtopic, payload) -> {
            requests.add(new Request(subtopic, ShadowPayloads.read(payload)));
            return CompletableFuture.completedFuture(
                new PublishReceipt(subtopic, Qos.AT_LEAST_ONCE, null));
          },
          timers,
          Runnable::run,
          new ShadowRetry(Duration.ofMinutes(10), 3));

  @AfterEach
  void stopTimers() {
    timers.shutdownNow();
  }

  @Test
  void subscribesToTheAnswerTopicsButNotToTheDocumentsStream() {
    assertThat(underTest.subscriptions().keySet())
        .containsExactlyInAnyOrder(
            "shadow/get/accepted",
            "shadow/get/rejected",
            "shadow/update/accepted",
            "shadow/update/rejected",
            "shadow/update/delta");
  }

  @Test
  void aNamedShadowUsesItsOwnTopics() {
    MqttDeviceShadow named =
        new MqttDeviceShadow(
            "dev-1",
            "config",
            (subtopic, payload) -> new CompletableFuture<>(),
            timers,
            Runnable::run,
            ShadowRetry.DEFAULT);

    assertThat(named.subscriptions().keySet())
        .contains("shadow/name/config/update/delta", "shadow/name/config/get/accepted");
    assertThat(named.name()).isEqualTo("config");
  }

  @Test
  void sendsNoRequestBeforeItsAnswerTopicsAreSubscribed() {
    CompletableFuture<ReportAccepted> report =
        underTest.report(ShadowPayloads.JSON.createObjectNode().put("t", 20));

    assertThat(requests).isEmpty();
    underTest.ready();

    assertThat(requests)
        .extracting(Request::subtopic)
        .containsExactly("shadow/update", "shadow/get");
    assertThat(report).isNotDone();
  }

  @Test
  void sendsTheRequestsMadeBeforeTheFirstConnectInTheirOrder() {
    for (int t = 1; t <= 5; t++) {
      underTest.report(ShadowPayloads.JSON.createObjectNode().put("t", t));
    }

    underTest.ready();

    assertThat(requests)
        .filteredOn(request -> request.subtopic().equals("shadow/update"))
        .extracting(request -> request.json().get("state").get("reported").get("t").intValue())
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void getsTheDocumentOnEachConnectAndHandsItsDeltaToTheListener() {
    underTest.onDelta(delta -> deltas.add(delta.version()));
    underTest.ready();
    answer("get/accepted", document(4, "{\"t\":22}", requests.get(0).token()));

    underTest.lost();
    underTest.ready();
    answer("get/accepted", document(6, "{\"t\":23}", requests.get(1).token()));

    assertThat(requests).extracting(Request::subtopic).containsExactly("shadow/get", "shadow/get");
    assertThat(deltas).containsExactly(4L, 6L);
    assertThat(underTest.version()).isEqualTo(6);
  }

  @Test
  void ignoresAPushedDeltaOlderThanTheDocumentItGot() {
    underTest.onDelta(delta -> deltas.add(delta.version()));
    underTest.ready();
    answer("get/accepted", document(10, "{\"t\":22}", requests.get(0).token()));

    answer("update/delta", "{\"state\":{\"t\":21},\"version\":9,\"timestamp\":1}");
    answer("update/delta", "{\"state\":{\"t\":22},\"version\":10,\"timestamp\":1}");
    answer("update/delta", "{\"state\":{\"t\":24},\"version\":11,\"timestamp\":1}");

    assertThat(deltas).containsExactly(10L, 11L);
  }

  @Test
  void aReportSentAgainAfterAReconnectDoesNotUndoANewerOne() {
    underTest.ready();
    underTest.report(java.util.Map.of("targetTemperature", 20));
    underTest.lost(); // the first report was acknowledged, its answer lost
    underTest.report(java.util.Map.of("targetTemperature", 21)); // buffered, out first

    underTest.ready();

    assertThat(requests)
        .filteredOn(request -> request.subtopic().equals("shadow/update"))
        .extracting(request -> request.json().get("state").get("reported").toString())
        .containsExactly(
            "{\"targetTemperature\":20}",
            "{\"targetTemperature\":21}",
            "{\"targetTemperature\":21}");
  }

  @Test
  void aDeviceWithoutAShadowGetsAnEmptyDocumentOfVersionZero() {
    underTest.ready();
    CompletableFuture<ShadowDocument> get = underTest.get();

    answer(
        "get/rejected",
        "{\"code\":404,\"errorCode\":\"shadow.not-found\",\"message\":\"no shadow\","
            + "\"timestamp\":1,\"clientToken\":\""
            + requests.get(1).token()
            + "\"}");

    assertThat(get).isCompleted();
    assertThat(get.join().exists()).isFalse();
    assertThat(get.join().version()).isZero();
  }

  @Test
  void completesAReportWithTheNewVersionAndRemembersIt() {
    underTest.ready();
    CompletableFuture<ReportAccepted> report =
        underTest.report(java.util.Map.of("targetTemperature", 22));
    Request sent = requests.get(1);

    answer(
        "update/accepted",
        "{\"state\":{\"reported\":{\"targetTemperature\":22}},\"metadata\":{},\"version\":5,"
            + "\"timestamp\":1,\"clientToken\":\""
            + sent.token()
            + "\"}");

    assertThat(sent.json().toString())
        .startsWith("{\"state\":{\"reported\":{\"targetTemperature\":22}},\"clientToken\":");
    assertThat(report.join().version()).isEqualTo(5);
    assertThat(underTest.version()).isEqualTo(5);
  }

  @Test
  void failsAConflictingReportWithTheRejectionsCodes() {
    underTest.ready();
    CompletableFuture<ReportAccepted> report =
        underTest.reportWithVersion(ShadowPayloads.JSON.createObjectNode().put("t", 1), 3);
    Request sent = requests.get(1);

    answer(
        "update/rejected",
        "{\"code\":409,\"errorCode\":\"shadow.version-conflict\",\"message\":\"at 4\","
            + "\"timestamp\":1,\"clientToken\":\""
            + sent.token()
            + "\"}");

    assertThat(sent.json().get("version").longValue()).isEqualTo(3);
    assertThat(report)
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .havingCause()
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo("shadow.version-conflict"));
    assertThat(requests).hasSize(2);
  }

  @Test
  void ignoresAMalformedAnswer() {
    underTest.onDelta(delta -> deltas.add(delta.version()));
    underTest.ready();

    answer("update/delta", "{\"state\":{\"t\":1}");
    answer("update/delta", "{\"state\":{\"t\":1}}");

    assertThat(deltas).isEmpty();
  }

  private void answer(String level, String json) {
    underTest.subscriptions().get("shadow/" + level).onMessage("shadow/" + level, bytes(json));
  }

  private static String document(long version, String delta, String token) {
    return "{\"state\":{\"desired\":"
        + delta
        + ",\"delta\":"
        + delta
        + "},\"metadata\":{},\"version\":"
        + version
        + ",\"timestamp\":1,\"clientToken\":\""
        + token
        + "\"}";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
