package org.iotplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.sdk.TelemetryMessage;
import org.iotplatform.servers.FreePorts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerting path across the real stack (registry, bridge with token auth, Kafka, the Flink alert
 * evaluation job, alert-engine on PostgreSQL): a device's readings fire a rule, the alert is
 * notified to a signed webhook, acknowledged by an operator and resolved by the device's next
 * reading. Rules the engine cannot evaluate are refused with problem details.
 */
class AlertPipelineIT {

  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path varDir;

  @Test
  void twoConsecutiveBreachesFireOneSignedWebhookAlertThatIsAcknowledgedThenResolved()
      throws Exception {
    DevStackOptions options = StackApi.options(varDir, true, 0);
    String deviceId = "alert-pipeline-it-1";
    List<WebhookCall> calls = new CopyOnWriteArrayList<>();
    HttpServer receiver = webhookReceiver(calls);

    try (DevStack stack = new DevStack(options)) {
      stack.start();
      String token = operatorToken(options);
      String alerts = "http://127.0.0.1:" + options.ports().alerts() + "/api/v1";
      StackApi.createDevice(options, token, "boiler", deviceId);
      String deviceToken = StackApi.deviceToken(options, token, deviceId);

      JsonNode channel =
          JSON.readTree(
              StackApi.post(
                  alerts + "/alert-channels",
                  token,
                  "{\"name\":\"ops webhook\",\"kind\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:"
                      + receiver.getAddress().getPort()
                      + "/hook\"}"));
      String secret = channel.path("secret").asString("");
      assertThat(secret).as("the secret is shown once, on creation").isNotBlank();

      String ruleId =
          createRule(
              alerts,
              token,
              "{\"name\":\"Boiler too hot\",\"scope\":{\"kind\":\"DEVICE\",\"deviceId\":\""
                  + deviceId
                  + "\"},\"condition\":{\"type\":\"THRESHOLD\",\"metric\":\"temperature\","
                  + "\"operator\":\">\",\"value\":40,\"consecutive\":2},"
                  + "\"severity\":\"HIGH\",\"channels\":[\""
                  + channel.path("id").asString("")
                  + "\"]}");
      // Rules and readings reach the job on different topics: a reading that comes before its rule
      // is not evaluated. A probe rule saved after the real one, fired by readings of its own
      // metric, shows that the job has read the rules.
      String probeRuleId =
          createRule(
              alerts,
              token,
              "{\"name\":\"Probe\",\"scope\":{\"kind\":\"DEVICE\",\"deviceId\":\""
                  + deviceId
                  + "\"},\"condition\":{\"type\":\"THRESHOLD\",\"metric\":\"probe\","
                  + "\"operator\":\">\",\"value\":0,\"consecutive\":1},\"severity\":\"LOW\"}");

      try (DeviceClient device = connected(options, deviceId, deviceToken)) {
        await()
            .atMost(BOUND)
            .until(
                () -> {
                  publish(device, "probe", 1);
                  return alertsOf(alerts, token, probeRuleId).size();
                },
                count -> count == 1);

        publish(device, "temperature", 38);
        publish(device, "temperature", 41);
        publish(device, "temperature", 42);

        List<JsonNode> firing =
            await()
                .atMost(BOUND)
                .until(() -> alertsOf(alerts, token, ruleId), items -> !items.isEmpty());
        assertThat(firing).as("one alert for the rule").hasSize(1);
        JsonNode fired = firing.get(0);
        assertThat(fired.path("state").asString("")).isEqualTo("ACTIVE");
        assertThat(fired.path("deviceId").asString("")).isEqualTo(deviceId);
        assertThat(fired.path("value").asDouble(0))
            .as("fired by the second breach, not the first")
            .isEqualTo(42.0);
        assertThat(fired.path("reason").asString("")).contains("for 2 readings");
        String alertId = fired.path("id").asString("");

        WebhookCall call =
            await()
                .atMost(BOUND)
                .until(
                    () -> calls.stream().filter(c -> c.names(alertId)).findFirst(),
                    Optional::isPresent)
                .orElseThrow();
        assertThat(call.signature())
            .as("X-Iot-Signature, HMAC-SHA256 of <timestamp>.<body> with the channel's secret")
            .isEqualTo(expectedSignature(secret, call.timestamp(), call.body()));
        JsonNode notified = JSON.readTree(call.body());
        assertThat(notified.path("ruleId").asString("")).isEqualTo(ruleId);
        assertThat(notified.path("alerts").get(0).path("alertId").asString(""))
            .isEqualTo(fired.path("alertId").asString(""));
        assertThat(notified.path("alerts").get(0).path("event").asString("")).isEqualTo("FIRED");

        HttpResponse<String> acknowledged =
            StackApi.postJson(
                alerts + "/alerts/" + alertId + "/acknowledge", token, "{\"note\":\"on my way\"}");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        JsonNode acknowledgedAlert = JSON.readTree(acknowledged.body());
        assertThat(acknowledgedAlert.path("state").asString("")).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledgedAlert.path("acknowledgement").path("by").asString(""))
            .isEqualTo(subject(token));
        assertThat(acknowledgedAlert.path("acknowledgement").path("note").asString(""))
            .isEqualTo("on my way");

        publish(device, "temperature", 30);
        await()
            .atMost(BOUND)
            .untilAsserted(
                () ->
                    assertThat(
                            JSON.readTree(StackApi.get(alerts + "/alerts/" + alertId, token))
                                .path("alert")
                                .path("state")
                                .asString(""))
                        .isEqualTo("RESOLVED"));
        assertThat(alertsOf(alerts, token, ruleId)).as("still the one alert").hasSize(1);
        List<String> history = new ArrayList<>();
        JSON.readTree(StackApi.get(alerts + "/alerts/" + alertId, token))
            .path("history")
            .forEach(
                entry ->
                    history.add(
                        entry.path("kind").asString("") + " " + entry.path("actor").asString("")));
        assertThat(history)
            .containsExactly("FIRED ", "ACKNOWLEDGED " + subject(token), "RESOLVED ");
      }
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void aRuleWithAnImpossibleRangeOrAnUnknownDeviceIsRefused() throws Exception {
    DevStackOptions options = StackApi.options(varDir, false, 0);
    String deviceId = "alert-pipeline-it-2";

    try (DevStack stack = new DevStack(options)) {
      stack.start();
      String token = operatorToken(options);
      String rules = "http://127.0.0.1:" + options.ports().alerts() + "/api/v1/alert-rules";
      StackApi.createDevice(options, token, "boiler", deviceId);

      HttpResponse<String> impossible =
          StackApi.postJson(
              rules,
              token,
              "{\"name\":\"Never\",\"scope\":{\"kind\":\"DEVICE\",\"deviceId\":\""
                  + deviceId
                  + "\"},\"condition\":{\"type\":\"THRESHOLD\",\"metric\":\"temperature\","
                  + "\"operator\":\"BETWEEN\",\"value\":10,\"upper\":5},\"severity\":\"LOW\"}");
      assertThat(impossible.statusCode()).as(impossible.body()).isEqualTo(400);
      assertThat(impossible.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(JSON.readTree(impossible.body()).path("errorCode").asString(""))
          .isEqualTo("rule.invalid");

      HttpResponse<String> unknownDevice =
          StackApi.postJson(
              rules,
              token,
              "{\"name\":\"Nobody\",\"scope\":{\"kind\":\"DEVICE\",\"deviceId\":\"no-such-device\"},"
                  + "\"condition\":{\"type\":\"THRESHOLD\",\"metric\":\"temperature\","
                  + "\"operator\":\">\",\"value\":40},\"severity\":\"LOW\"}");
      assertThat(unknownDevice.statusCode()).as(unknownDevice.body()).isEqualTo(422);
      assertThat(JSON.readTree(unknownDevice.body()).path("errorCode").asString(""))
          .isEqualTo("rule.unknown-device");
    }
  }

  /** A webhook call as the receiver got it. */
  private record WebhookCall(@Nullable String signature, @Nullable String timestamp, byte[] body) {

    boolean names(String alertId) {
      try {
        for (JsonNode alert : JSON.readTree(body).path("alerts")) {
          if (alert.path("id").asString("").equals(alertId)) {
            return true;
          }
        }
        return false;
      } catch (RuntimeException notJson) {
        return false;
      }
    }
  }

  /** A JDK HTTP server on loopback that records every call and answers 204. */
  private static HttpServer webhookReceiver(List<WebhookCall> calls) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName(FreePorts.LOOPBACK), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          calls.add(
              new WebhookCall(
                  exchange.getRequestHeaders().getFirst("X-Iot-Signature"),
                  exchange.getRequestHeaders().getFirst("X-Iot-Timestamp"),
                  body));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  /** The signature the README tells receivers to compute, independent of the engine's code. */
  private static String expectedSignature(String secret, @Nullable String timestamp, byte[] body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((Objects.requireNonNull(timestamp) + ".").getBytes(StandardCharsets.UTF_8));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static String operatorToken(DevStackOptions options) throws Exception {
    return StackApi.token(
        options.ports().registry(), Files.readString(options.adminKeyFile()).strip());
  }

  /** The JWT's subject, whom an acknowledgement names. */
  private static String subject(String jwt) {
    byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
    return JSON.readTree(payload).path("sub").asString("");
  }

  /**
   * Creates a rule and returns its id. The engine learns a new device from the registry's snapshot
   * a moment after it was registered, and refuses the rule (422) until then.
   */
  private static String createRule(String alerts, String token, String json) {
    HttpResponse<String> created =
        await()
            .atMost(BOUND)
            .until(
                () -> StackApi.postJson(alerts + "/alert-rules", token, json),
                response -> response.statusCode() != 422);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asString("");
  }

  private static List<JsonNode> alertsOf(String alerts, String token, String ruleId)
      throws Exception {
    JsonNode page = JSON.readTree(StackApi.get(alerts + "/alerts?ruleId=" + ruleId, token));
    List<JsonNode> items = new ArrayList<>();
    page.path("items").forEach(items::add);
    return items;
  }

  private static void publish(DeviceClient device, String metric, double value) throws Exception {
    device
        .publish(TelemetryMessage.builder().metric(metric, value).build())
        .get(BOUND.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * A connected SDK device. The bridge learns a fresh credential shortly after the registry issued
   * it and refuses the device until then: attempts are repeated with new clients.
   */
  private static DeviceClient connected(DevStackOptions options, String deviceId, String token) {
    return await()
        .atMost(BOUND)
        .ignoreExceptions()
        .until(
            () -> {
              DeviceClient client =
                  DeviceClient.builder()
                      .deviceId(deviceId)
                      .endpoint(FreePorts.LOOPBACK, options.ports().mqtt())
                      .token(token)
                      .build();
              try {
                client.connect().get(20, TimeUnit.SECONDS);
                return client;
              } catch (Exception e) {
                client.close();
                throw e;
              }
            },
            client -> true);
  }
}
