package org.iotplatform.sdk.internal.shadow;

import java.time.Instant;
import java.util.Map;
import org.iotplatform.sdk.shadow.ReportAccepted;
import org.iotplatform.sdk.shadow.ShadowDelta;
import org.iotplatform.sdk.shadow.ShadowDocument;
import org.iotplatform.sdk.shadow.ShadowRejectedException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The device side of the shadow payloads, as AWS IoT Device Shadow shapes them: the requests the
 * device sends and the answers it reads (times in epoch seconds, empty parts left out).
 */
final class ShadowPayloads {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private ShadowPayloads() {}

  /** {@code shadow/get}: {@code {"clientToken":"..."}}. */
  static byte[] getRequest(String clientToken) {
    ObjectNode request = JSON.createObjectNode();
    request.put("clientToken", clientToken);
    return JSON.writeValueAsBytes(request);
  }

  /**
   * {@code shadow/update}: {@code {"state":{"reported":{...}},"version":7,"clientToken":"..."}}.
   */
  static byte[] reportRequest(ObjectNode reported, @Nullable Long version, String clientToken) {
    ObjectNode request = JSON.createObjectNode();
    request.putObject("state").set("reported", reported.deepCopy());
    if (version != null) {
      request.put("version", version);
    }
    request.put("clientToken", clientToken);
    return JSON.writeValueAsBytes(request);
  }

  /** A map of JSON-able values as an object node. */
  static ObjectNode toObject(Map<String, ?> values) {
    return JSON.valueToTree(values);
  }

  /**
   * Reads an answer.
   *
   * @throws IllegalArgumentException if it is not a JSON object
   */
  static JsonNode read(byte[] payload) {
    JsonNode json;
    try {
      json = JSON.readTree(payload);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a shadow answer is a JSON object");
    }
    return json;
  }

  static @Nullable String clientToken(JsonNode answer) {
    JsonNode token = answer.get("clientToken");
    return token != null && token.isString() ? token.stringValue() : null;
  }

  /** {@code get/accepted}. */
  static ShadowDocument document(JsonNode answer) {
    JsonNode state = answer.get("state");
    return new ShadowDocument(
        object(state, "desired"),
        object(state, "reported"),
        object(state, "delta"),
        version(answer),
        timestamp(answer));
  }

  /** The document of a device without a shadow ({@code get/rejected} with 404). */
  static ShadowDocument emptyDocument() {
    return new ShadowDocument(
        JSON.createObjectNode(),
        JSON.createObjectNode(),
        JSON.createObjectNode(),
        0,
        Instant.EPOCH);
  }

  /** {@code update/delta}. */
  static ShadowDelta delta(JsonNode answer) {
    JsonNode state = answer.get("state");
    if (state == null || !state.isObject()) {
      throw new IllegalArgumentException("a delta has an object 'state'");
    }
    return new ShadowDelta((ObjectNode) state.deepCopy(), version(answer), timestamp(answer));
  }

  /** {@code update/accepted}. */
  static ReportAccepted reportAccepted(JsonNode answer) {
    return new ReportAccepted(
        object(answer.get("state"), "reported"), version(answer), timestamp(answer));
  }

  /** {@code .../rejected}: {@code {"code":409,"errorCode":"...","message":"...",...}}. */
  static ShadowRejectedException rejection(JsonNode answer) {
    JsonNode code = answer.get("code");
    JsonNode errorCode = answer.get("errorCode");
    JsonNode message = answer.get("message");
    return new ShadowRejectedException(
        code != null && code.canConvertToInt() ? code.intValue() : 0,
        errorCode != null && errorCode.isString() ? errorCode.stringValue() : "unknown",
        message != null && message.isString() ? message.stringValue() : "(no message)");
  }

  private static ObjectNode object(@Nullable JsonNode parent, String name) {
    JsonNode child = parent == null ? null : parent.get(name);
    return child != null && child.isObject()
        ? (ObjectNode) child.deepCopy()
        : JSON.createObjectNode();
  }

  private static long version(JsonNode answer) {
    JsonNode version = answer.get("version");
    if (version == null || !version.canConvertToExactIntegral() || version.longValue() < 0) {
      throw new IllegalArgumentException("a shadow answer has a whole, positive 'version'");
    }
    return version.longValue();
  }

  private static Instant timestamp(JsonNode answer) {
    JsonNode timestamp = answer.get("timestamp");
    return timestamp != null && timestamp.canConvertToExactIntegral()
        ? Instant.ofEpochSecond(timestamp.longValue())
        : Instant.EPOCH;
  }
}
