package org.iotplatform.sdk.shadow;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotplatform.servers.HiveMqServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for shadow-service in the SDK's tests (the service is not available to them): a plain
 * MQTT client on the real broker that answers the requests of one shadow of one device as the
 * protocol says, from a minimal document: a flat merge of reported values, the delta as the desired
 * keys whose values differ from the reported ones, a version that grows with each change, the
 * version check of an update that carries one. No metadata, limits or persistence: it plays the
 * service's MQTT answers, not its rules. It can also drop requests and push any delta.
 */
public final class ShadowResponder implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String prefix;
  private final Mqtt5AsyncClient client;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final ObjectNode desired = JSON.createObjectNode();
  private final ObjectNode reported = JSON.createObjectNode();
  private long version;
  private int toDrop;

  private ShadowResponder(String deviceId, @Nullable String shadowName, HiveMqServer broker) {
    String shadow = shadowName == null ? "shadow/" : "shadow/name/" + shadowName + "/";
    this.prefix = "devices/" + deviceId + "/" + shadow;
    this.client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(
                "shadow-responder-" + deviceId + (shadowName == null ? "" : "-" + shadowName))
            .serverHost("127.0.0.1")
            .serverPort(broker.mqttPort())
            .buildAsync();
  }

  /** Answers the device's classic shadow; see {@link #start(HiveMqServer, String, String)}. */
  public static ShadowResponder start(HiveMqServer broker, String deviceId) {
    return start(broker, deviceId, null);
  }

  /**
   * Connects and subscribes to the get and update requests of the device's shadow {@code
   * shadowName} (null: the classic one).
   */
  public static ShadowResponder start(
      HiveMqServer broker, String deviceId, @Nullable String shadowName) {
    ShadowResponder responder = new ShadowResponder(deviceId, shadowName, broker);
    responder.client.connect().join();
    for (String request : List.of("get", "update")) {
      responder
          .client
          .subscribeWith()
          .topicFilter(responder.prefix + request)
          .qos(MqttQos.AT_LEAST_ONCE)
          .callback(responder::request)
          .send()
          .join();
    }
    return responder;
  }

  /** As an operator's change: sets a desired value and pushes the delta, if there is one. */
  public synchronized void setDesired(String key, Object value) {
    desired.set(key, JSON.valueToTree(value));
    version++;
    ObjectNode delta = delta();
    if (!delta.isEmpty()) {
      ObjectNode message = envelope(delta, null);
      publish("update/delta", message);
    }
  }

  /** Pushes a delta of any version and content, as a late or repeated delivery would. */
  public void pushDelta(long deltaVersion, Map<String, ?> state) {
    ObjectNode message = JSON.createObjectNode();
    message.set("state", JSON.valueToTree(state));
    message.putObject("metadata");
    message.put("version", deltaVersion);
    message.put("timestamp", System.currentTimeMillis() / 1000);
    publish("update/delta", message);
  }

  /** Leaves the next {@code count} requests unanswered, as if their answers were lost. */
  public synchronized void dropNext(int count) {
    toDrop += count;
  }

  /** Every request received, dropped ones included, oldest first. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** How many requests carried {@code clientToken}: more than one means it was sent again. */
  public long requestsWithToken(String clientToken) {
    return requests.stream()
        .filter(r -> r.has("clientToken") && r.get("clientToken").stringValue().equals(clientToken))
        .count();
  }

  public synchronized ObjectNode reported() {
    return reported.deepCopy();
  }

  public synchronized long version() {
    return version;
  }

  private synchronized void request(Mqtt5Publish publish) {
    JsonNode json = JSON.readTree(publish.getPayloadAsBytes());
    requests.add(json);
    if (toDrop > 0) {
      toDrop--;
      return;
    }
    JsonNode token = json.get("clientToken");
    @Nullable String clientToken = token == null ? null : token.stringValue();
    if (publish.getTopic().toString().endsWith("/get")) {
      answerGet(clientToken);
    } else {
      answerUpdate(json, clientToken);
    }
  }

  private void answerGet(@Nullable String clientToken) {
    if (version == 0) {
      publish("get/rejected", rejection(404, "shadow.not-found", "no shadow yet", clientToken));
      return;
    }
    ObjectNode state = JSON.createObjectNode();
    putIfNotEmpty(state, "desired", desired);
    putIfNotEmpty(state, "reported", reported);
    putIfNotEmpty(state, "delta", delta());
    publish("get/accepted", envelope(state, clientToken));
  }

  private void answerUpdate(JsonNode update, @Nullable String clientToken) {
    JsonNode expected = update.get("version");
    if (expected != null && expected.longValue() != version) {
      publish(
          "update/rejected",
          rejection(
              409,
              "shadow.version-conflict",
              "the shadow is at version " + version + ", not " + expected.longValue(),
              clientToken));
      return;
    }
    JsonNode values = update.path("state").path("reported");
    for (Map.Entry<String, JsonNode> value : values.properties()) {
      if (value.getValue().isNull()) {
        reported.remove(value.getKey());
      } else {
        reported.set(value.getKey(), value.getValue());
      }
    }
    version++;
    ObjectNode state = JSON.createObjectNode();
    state.set("reported", values);
    publish("update/accepted", envelope(state, clientToken));
  }

  private ObjectNode delta() {
    ObjectNode delta = JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> value : desired.properties()) {
      if (!value.getValue().equals(reported.get(value.getKey()))) {
        delta.set(value.getKey(), value.getValue());
      }
    }
    return delta;
  }

  private ObjectNode envelope(ObjectNode state, @Nullable String clientToken) {
    ObjectNode message = JSON.createObjectNode();
    message.set("state", state);
    message.putObject("metadata");
    message.put("version", version);
    message.put("timestamp", System.currentTimeMillis() / 1000);
    if (clientToken != null) {
      message.put("clientToken", clientToken);
    }
    return message;
  }

  private static ObjectNode rejection(
      int code, String errorCode, String message, @Nullable String clientToken) {
    ObjectNode rejection = JSON.createObjectNode();
    rejection.put("code", code);
    rejection.put("errorCode", errorCode);
    rejection.put("message", message);
    rejection.put("timestamp", System.currentTimeMillis() / 1000);
    if (clientToken != null) {
      rejection.put("clientToken", clientToken);
    }
    return rejection;
  }

  private static void putIfNotEmpty(ObjectNode parent, String name, ObjectNode child) {
    if (!child.isEmpty()) {
      parent.set(name, child.deepCopy());
    }
  }

  private void publish(String answer, ObjectNode payload) {
    // Not joined: this may run on the MQTT client's callback thread.
    client
        .publishWith()
        .topic(prefix + answer)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(JSON.writeValueAsString(payload).getBytes(UTF_8))
        .send();
  }

  @Override
  public void close() {
    client.disconnect().join();
  }
}
