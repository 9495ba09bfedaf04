package org.iotplatform.alerts.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;
import org.iotplatform.alerts.alert.AlertIds;
import org.iotplatform.alerts.alert.AlertsITBase;
import org.iotplatform.alerts.alert.TestClock;
import org.iotplatform.contracts.AlertEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Alert events reach the rule's webhook and Slack channels as signed JSON, each channel on its own:
 * a channel whose endpoint hangs or fails is retried and then given up, without delaying the
 * others.
 */
class WebhookNotificationIT extends AlertsITBase {

  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final String SECRET = "webhook-secret-1";

  private final TestChannels channels;
  private final TestClock clock;
  private final JdbcClient jdbc;

  WebhookNotificationIT(
      @Autowired TestChannels channels, @Autowired TestClock clock, @Autowired JdbcClient jdbc) {
    this.channels = channels;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  @Test
  void postsTheAlertAsJsonSignedWithTheChannelSecret() throws Exception {
    try (TestReceiver receiver = new TestReceiver()) {
      String ruleId = newRuleId();
      channels.set("default", ruleId, webhook("hook-1", receiver));
      AlertEvent fired = fired("default", ruleId, "freezer-21", Instant.now());

      publish(fired);

      await().atMost(BOUND).until(() -> !receiver.requests().isEmpty());
      TestReceiver.Request request = receiver.requests().get(0);
      String timestamp = request.headers().getFirst("X-Iot-Timestamp");
      assertThat(request.headers().getFirst("X-Iot-Signature"))
          .isEqualTo("sha256=" + hmac(SECRET, timestamp + "." + request.body()));
      assertThat(request.headers().getFirst("X-Iot-Delivery")).isNotBlank();
      assertThat((String) JsonPath.read(request.body(), "$.alerts[0].alertId"))
          .isEqualTo(fired.alertId());
      assertThat((String) JsonPath.read(request.body(), "$.alerts[0].id"))
          .isEqualTo(AlertIds.instanceId("default", fired.alertId()).toString());
      assertThat((Integer) JsonPath.read(request.body(), "$.fired")).isEqualTo(1);
      assertThat((String) JsonPath.read(request.body(), "$.text"))
          .isEqualTo(
              "[HIGH] Freezer too warm fired on freezer-21: temperature -12.5 > -15.0 for 3"
                  + " readings");
    }
  }

  @Test
  void aHangingChannelIsRetriedAndGivenUpWhileAnotherIsDeliveredAtOnce() {
    try (TestReceiver hanging = new TestReceiver().hang();
        TestReceiver failing = new TestReceiver().answering(500);
        TestReceiver healthy = new TestReceiver()) {
      String ruleId = newRuleId();
      channels.set(
          "default",
          ruleId,
          webhook("hang-1", hanging),
          webhook("fail-1", failing),
          webhook("ok-1", healthy));
      AlertEvent fired = fired("default", ruleId, "freezer-22", Instant.now());
      UUID id = AlertIds.instanceId("default", fired.alertId());

      publish(fired);

      // Delivered while the hanging endpoint still holds its first attempt.
      await().atMost(BOUND).until(() -> healthy.requests().size() == 1);
      assertThat(notificationStates(id)).contains("hang-1=PENDING");
      await()
          .atMost(BOUND)
          .untilAsserted(
              () ->
                  assertThat(notificationStates(id))
                      .containsExactly("hang-1=DEAD", "fail-1=DEAD", "ok-1=SENT"));
      assertThat(failing.requests()).hasSize(3);
      assertThat(metrics())
          .contains("iot_alerts_notifications_total{kind=\"WEBHOOK\",outcome=\"dead\"}")
          .contains("iot_alerts_notifications_total{kind=\"WEBHOOK\",outcome=\"sent\"}")
          .contains("iot_alerts_notifications_latency_seconds_count{kind=\"WEBHOOK\"}");
      assertThat(hanging.requests()).hasSize(3);
      String details = details(id);
      assertThat((List<String>) JsonPath.read(details, "$.notifications[*].lastError"))
          .satisfiesExactly(
              hang -> assertThat(hang).containsIgnoringCase("timed out"),
              fail -> assertThat(fail).contains("HTTP 500"),
              ok -> assertThat(ok).isNull());
      assertThat((List<Integer>) JsonPath.read(details, "$.notifications[*].attempts"))
          .containsExactly(3, 3, 1);
    }
  }

  @Test
  void aBusyChannelHasSeveralMessagesUnderWayAtOnce() {
    try (TestReceiver slow = new TestReceiver().hang()) {
      String first = newRuleId();
      String second = newRuleId();
      channels.set("default", first, webhook("busy-1", slow));
      channels.set("default", second, webhook("busy-1", slow));
      AlertEvent one = fired("default", first, "freezer-24", Instant.now());
      AlertEvent two = fired("default", second, "freezer-25", Instant.now());

      publish(one, two);

      // Both messages reach the endpoint while it still holds the first: one at a time, the
      // second would only leave once the first attempt had timed out and counted.
      await().atMost(BOUND).until(() -> slow.requests().size() == 2);
      for (AlertEvent event : List.of(one, two)) {
        String details = details(AlertIds.instanceId("default", event.alertId()));
        assertThat((List<Integer>) JsonPath.read(details, "$.notifications[*].attempts"))
            .containsExactly(0);
      }
    }
  }

  @Test
  void aFlappingDeviceMakesOneMessagePerGroupWindow() {
    try (TestReceiver receiver = new TestReceiver()) {
      String ruleId = newRuleId();
      channels.set("default", ruleId, webhook("flap-1", receiver));
      Instant t0 = Instant.now();
      clock.freeze();
      try {
        publish(fired("default", ruleId, "flapper", t0));
        await().atMost(BOUND).until(() -> receiver.requests().size() == 1);

        for (int i = 1; i <= 4; i++) {
          AlertEvent flap = fired("default", ruleId, "flapper", t0.plusSeconds(i));
          publish(resolved(fired("default", ruleId, "flapper", t0.plusSeconds(i - 1)), flap.at()));
          publish(flap);
        }
        await().atMost(BOUND).until(() -> notifications(ruleId) == 9);
        assertThat(receiver.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(3));
        await().atMost(BOUND).until(() -> receiver.requests().size() == 2);
        String grouped = receiver.requests().get(1).body();
        assertThat((Integer) JsonPath.read(grouped, "$.fired")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(grouped, "$.resolved")).isEqualTo(4);
        assertThat((String) JsonPath.read(grouped, "$.text"))
            .isEqualTo("[HIGH] Freezer too warm fired 4 times and resolved 4 times: flapper");
      } finally {
        clock.release();
      }
    }
  }

  @Test
  void aDeadDeliveryIsListedAndSentAgainOnRetry() {
    try (TestReceiver receiver = new TestReceiver().answering(503)) {
      String ruleId = newRuleId();
      channels.set("default", ruleId, webhook("dead-1", receiver));
      publish(fired("default", ruleId, "freezer-24", Instant.now()));
      await().atMost(BOUND).until(() -> deliveries("DEAD", ruleId).size() == 1);
      String deliveryId = deliveries("DEAD", ruleId).get(0);
      receiver.answering(200);

      client("default", "operator")
          .post()
          .uri("/api/v1/notifications/{id}/retry", deliveryId)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.state")
          .isEqualTo("PENDING");

      await().atMost(BOUND).until(() -> deliveries("SENT", ruleId).contains(deliveryId));
      assertThat(receiver.requests()).hasSize(4);
      client("default", "operator")
          .post()
          .uri("/api/v1/notifications/{id}/retry", deliveryId)
          .exchange()
          .expectStatus()
          .isEqualTo(409)
          .expectBody()
          .jsonPath("$.errorCode")
          .isEqualTo("notification.not-dead");
      client("other", "operator")
          .post()
          .uri("/api/v1/notifications/{id}/retry", deliveryId)
          .exchange()
          .expectStatus()
          .isNotFound();
    }
  }

  @Test
  void postsTextToASlackCompatibleWebhook() {
    try (TestReceiver slack = new TestReceiver()) {
      String ruleId = newRuleId();
      channels.set(
          "default",
          ruleId,
          new ChannelTarget(
              "slack-1", "ops room", ChannelTarget.SLACK, slack.url(), null, List.of()));
      AlertEvent fired = fired("default", ruleId, "freezer-23", Instant.now());

      publish(fired);

      await().atMost(BOUND).until(() -> !slack.requests().isEmpty());
      String text = JsonPath.read(slack.requests().get(0).body(), "$.text");
      assertThat(text)
          .startsWith(
              "[HIGH] Freezer too warm fired on freezer-23: temperature -12.5 > -15.0 for 3"
                  + " readings")
          .contains("FIRED freezer-23");
    }
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

  /** The ids of the tenant's deliveries of the rule in {@code state}. */
  private List<String> deliveries(String state, String ruleId) {
    String list =
        client("default", "viewer")
            .get()
            .uri("/api/v1/notifications?state={state}", state)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    return JsonPath.read(list, "$.items[?(@.ruleId == '" + ruleId + "')].id");
  }

  private int notifications(String ruleId) {
    return jdbc.sql("SELECT count(*) FROM notification WHERE rule_id = :rule")
        .param("rule", ruleId)
        .query(Integer.class)
        .single();
  }

  private List<String> notificationStates(UUID id) {
    String details = details(id);
    List<String> channelIds = JsonPath.read(details, "$.notifications[*].channelId");
    List<String> states = JsonPath.read(details, "$.notifications[*].state");
    return IntStream.range(0, channelIds.size())
        .mapToObj(i -> channelIds.get(i) + "=" + states.get(i))
        .toList();
  }

  private String details(UUID id) {
    return client("default", "viewer")
        .get()
        .uri("/api/v1/alerts/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static ChannelTarget webhook(String channelId, TestReceiver receiver) {
    return new ChannelTarget(
        channelId, channelId, ChannelTarget.WEBHOOK, receiver.url(), SECRET, List.of());
  }

  private static String hmac(String secret, String signed) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }
}
