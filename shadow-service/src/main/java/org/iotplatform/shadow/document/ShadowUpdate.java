package org.iotplatform.shadow.document;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One update request, {@code {"state":{"desired":{...},"reported":{...}},"version":7,
 * "clientToken":"..."}}, as a device sends it over MQTT or an operator over REST.
 *
 * @param desired the partial desired state to merge, null when the update leaves desired alone
 * @param clearsDesired true for {@code "desired":null}, which removes the whole desired state
 * @param reported the partial reported state to merge, null when the update leaves it alone
 * @param version the version the sender believes current, null to update whatever is stored
 * @param clientToken the sender's token, echoed in the answers, up to 64 characters
 */
public record ShadowUpdate(
    @Nullable ObjectNode desired,
    boolean clearsDesired,
    @Nullable ObjectNode reported,
    @Nullable Long version,
    @Nullable String clientToken) {

  /** The longest client token accepted, as AWS IoT. */
  public static final int MAX_CLIENT_TOKEN_LENGTH = 64;

  private static final Set<String> STATE_PARTS = Set.of("desired", "reported");

  public ShadowUpdate {
    if (clearsDesired && desired != null) {
      throw new IllegalArgumentException("an update either clears desired or merges into it");
    }
    desired = desired == null ? null : desired.deepCopy();
    reported = reported == null ? null : reported.deepCopy();
  }

  @Override
  public @Nullable ObjectNode desired() {
    return desired == null ? null : desired.deepCopy();
  }

  @Override
  public @Nullable ObjectNode reported() {
    return reported == null ? null : reported.deepCopy();
  }

  /**
   * Reads and checks a payload.
   *
   * @throws ShadowRejectedException {@link ShadowRejection#MALFORMED_JSON} or {@link
   *     ShadowRejection#INVALID_UPDATE}, saying what was wrong
   */
  public static ShadowUpdate parse(byte[] payload) {
    return parse(new String(payload, StandardCharsets.UTF_8));
  }

  /** As {@link #parse(byte[])}. */
  public static ShadowUpdate parse(String payload) {
    JsonNode root;
    try {
      root = ShadowJson.MAPPER.readTree(payload);
    } catch (JacksonException e) {
      throw new ShadowRejectedException(
          ShadowRejection.MALFORMED_JSON,
          "The payload is not valid JSON: " + e.getOriginalMessage() + ".");
    }
    if (root == null || root.isMissingNode()) {
      throw new ShadowRejectedException(ShadowRejection.MALFORMED_JSON, "The payload is empty.");
    }
    if (!root.isObject()) {
      throw invalid("The payload is not a JSON object.");
    }
    try {
      return read(root);
    } catch (ShadowRejectedException e) {
      // The sender matches answers by its token, so a refusal echoes it whenever it was readable.
      JsonNode token = root.path("clientToken");
      boolean readable =
          token.isString() && token.stringValue().length() <= MAX_CLIENT_TOKEN_LENGTH;
      throw readable ? e.echoing(token.stringValue()) : e;
    }
  }

  private static ShadowUpdate read(JsonNode root) {
    JsonNode state = root.get("state");
    if (state == null || !state.isObject()) {
      throw invalid("\"state\" is missing or not an object.");
    }
    for (Map.Entry<String, JsonNode> part : state.properties()) {
      if (!STATE_PARTS.contains(part.getKey())) {
        throw invalid(
            "\"state\" holds \"" + part.getKey() + "\"; only desired and reported can be updated.");
      }
    }
    JsonNode desired = state.get("desired");
    JsonNode reported = state.get("reported");
    if (desired == null && reported == null) {
      throw invalid("\"state\" holds neither desired nor reported.");
    }
    if (desired != null && !desired.isObject() && !desired.isNull()) {
      throw invalid("\"desired\" is neither an object nor null.");
    }
    if (reported != null && !reported.isObject()) {
      throw invalid("\"reported\" is not an object.");
    }
    return new ShadowUpdate(
        desired != null && desired.isObject() ? (ObjectNode) desired : null,
        desired != null && desired.isNull(),
        reported == null ? null : (ObjectNode) reported,
        version(root.get("version")),
        clientToken(root.get("clientToken")));
  }

  private static @Nullable Long version(@Nullable JsonNode version) {
    if (version == null || version.isNull()) {
      return null;
    }
    if (!version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 0) {
      throw invalid("\"version\" is not a whole number of at least 0.");
    }
    return version.longValue();
  }

  private static @Nullable String clientToken(@Nullable JsonNode token) {
    if (token == null || token.isNull()) {
      return null;
    }
    if (!token.isString()) {
      throw invalid("\"clientToken\" is not a string.");
    }
    String value = token.stringValue();
    if (value.length() > MAX_CLIENT_TOKEN_LENGTH) {
      throw invalid("\"clientToken\" is longer than " + MAX_CLIENT_TOKEN_LENGTH + " characters.");
    }
    return value;
  }

  private static ShadowRejectedException invalid(String problem) {
    return new ShadowRejectedException(ShadowRejection.INVALID_UPDATE, problem);
  }
}
