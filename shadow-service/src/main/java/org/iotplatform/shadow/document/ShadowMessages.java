package org.iotplatform.shadow.document;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payloads of the shadow topics as AWS IoT Device Shadow shapes them; times are epoch seconds.
 * Empty parts are left out, as AWS does.
 */
public final class ShadowMessages {

  private ShadowMessages() {}

  /**
   * {@code /update/accepted}: the state the update sent (nulls included), the metadata of the
   * values it named, the new version and timestamp.
   */
  public static String updateAccepted(ShadowUpdate update, ShadowDocument current) {
    long epochSecond = current.timestamp().getEpochSecond();
    ObjectNode state = ShadowJson.object();
    ObjectNode metadata = ShadowJson.object();
    ObjectNode desired = update.desired();
    if (update.clearsDesired()) {
      state.putNull("desired");
      metadata.set("desired", ShadowJson.stamp(epochSecond));
    } else if (desired != null) {
      state.set("desired", desired);
      metadata.set("desired", stamps(desired, epochSecond));
    }
    ObjectNode reported = update.reported();
    if (reported != null) {
      state.set("reported", reported);
      metadata.set("reported", stamps(reported, epochSecond));
    }
    return write(envelope(state, metadata, current, update.clientToken()));
  }

  /** {@code /get/accepted}: the whole document with its delta. */
  public static String getAccepted(ShadowDocument document, @Nullable String clientToken) {
    ObjectNode state = ShadowJson.object();
    ObjectNode metadata = ShadowJson.object();
    putIfNotEmpty(state, "desired", document.desired());
    putIfNotEmpty(state, "reported", document.reported());
    putIfNotEmpty(state, "delta", document.delta().state());
    putIfNotEmpty(metadata, "desired", document.desiredMetadata());
    putIfNotEmpty(metadata, "reported", document.reportedMetadata());
    return write(envelope(state, metadata, document, clientToken));
  }

  /** {@code /update/delta}: the delta and its metadata, or nothing when the device is in sync. */
  public static Optional<String> delta(ShadowDocument document, @Nullable String clientToken) {
    ShadowDelta delta = document.delta();
    if (delta.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(write(envelope(delta.state(), delta.metadata(), document, clientToken)));
  }

  /**
   * {@code /update/documents}: {@code {"previous":{state,metadata,version},"current":{...},
   * "timestamp":...,"clientToken":...}}; {@code previous} is null for a shadow's first version
   * (also the first after a delete: pass null).
   */
  public static String documents(
      @Nullable ShadowDocument previous, ShadowDocument current, @Nullable String clientToken) {
    ObjectNode payload = ShadowJson.object();
    if (previous == null || previous.version() == 0) {
      payload.putNull("previous");
    } else {
      payload.set("previous", snapshot(previous));
    }
    payload.set("current", snapshot(current));
    payload.put("timestamp", current.timestamp().getEpochSecond());
    if (clientToken != null) {
      payload.put("clientToken", clientToken);
    }
    return write(payload);
  }

  /** {@code /delete/accepted}: {@code {"version":..,"timestamp":..,"clientToken":..}}. */
  public static String deleteAccepted(long version, Instant now, @Nullable String clientToken) {
    ObjectNode payload = ShadowJson.object();
    payload.put("version", version);
    payload.put("timestamp", now.getEpochSecond());
    if (clientToken != null) {
      payload.put("clientToken", clientToken);
    }
    return write(payload);
  }

  private static ObjectNode snapshot(ShadowDocument document) {
    ObjectNode snapshot = ShadowJson.object();
    ObjectNode state = snapshot.putObject("state");
    state.set("desired", document.desired());
    state.set("reported", document.reported());
    ObjectNode metadata = snapshot.putObject("metadata");
    metadata.set("desired", document.desiredMetadata());
    metadata.set("reported", document.reportedMetadata());
    snapshot.put("version", document.version());
    return snapshot;
  }

  private static ObjectNode envelope(
      ObjectNode state,
      ObjectNode metadata,
      ShadowDocument document,
      @Nullable String clientToken) {
    ObjectNode payload = ShadowJson.object();
    payload.set("state", state);
    payload.set("metadata", metadata);
    payload.put("version", document.version());
    payload.put("timestamp", document.timestamp().getEpochSecond());
    if (clientToken != null) {
      payload.put("clientToken", clientToken);
    }
    return payload;
  }

  /** {@code values} with every leaf (null included) replaced by its timestamp. */
  private static ObjectNode stamps(ObjectNode values, long epochSecond) {
    ObjectNode metadata = ShadowJson.object();
    for (Map.Entry<String, JsonNode> property : values.properties()) {
      metadata.set(
          property.getKey(),
          property.getValue() instanceof ObjectNode nested
              ? stamps(nested, epochSecond)
              : ShadowJson.stamp(epochSecond));
    }
    return metadata;
  }

  private static void putIfNotEmpty(ObjectNode parent, String name, ObjectNode child) {
    if (!child.isEmpty()) {
      parent.set(name, child);
    }
  }

  private static String write(ObjectNode payload) {
    return ShadowJson.MAPPER.writeValueAsString(payload);
  }
}
