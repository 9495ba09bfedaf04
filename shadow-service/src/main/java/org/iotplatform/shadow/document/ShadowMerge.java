package org.iotplatform.shadow.document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Applies one update to a document, the AWS IoT way: a partial, recursive merge. */
final class ShadowMerge {

  private ShadowMerge() {}

  static ShadowDocument apply(
      ShadowDocument document, ShadowUpdate update, Instant now, ShadowLimits limits) {
    Long expected = update.version();
    if (expected != null && expected != document.version()) {
      throw new ShadowRejectedException(
          ShadowRejection.VERSION_CONFLICT,
          "The update names version "
              + expected
              + " but the shadow is at version "
              + document.version()
              + ".");
    }
    long epochSecond = now.getEpochSecond();
    ObjectNode desired = document.desired();
    ObjectNode desiredMetadata = document.desiredMetadata();
    ObjectNode reported = document.reported();
    ObjectNode reportedMetadata = document.reportedMetadata();
    ObjectNode desiredPatch = update.desired();
    ObjectNode reportedPatch = update.reported();
    if (update.clearsDesired()) {
      desired = ShadowJson.object();
      desiredMetadata = ShadowJson.object();
    } else if (desiredPatch != null) {
      merge(desired, desiredMetadata, desiredPatch, epochSecond);
    }
    if (reportedPatch != null) {
      merge(reported, reportedMetadata, reportedPatch, epochSecond);
    }
    // An update that changes nothing is still accepted and still counts, as AWS IoT does: the
    // sender gets a new version to build on and the metadata says when the values were confirmed.
    ShadowDocument result =
        new ShadowDocument(
            desired, reported, desiredMetadata, reportedMetadata, document.version() + 1, now);
    check(result, limits);
    return result;
  }

  /**
   * Merges {@code patch} into {@code target} in place: null removes a key, objects merge key by
   * key, anything else replaces the value whole and gets a fresh timestamp.
   */
  private static void merge(
      ObjectNode target, ObjectNode metadata, ObjectNode patch, long epochSecond) {
    for (var property : patch.properties()) {
      String key = property.getKey();
      JsonNode value = property.getValue();
      if (value.isNull()) {
        target.remove(key);
        metadata.remove(key);
      } else if (value.isObject()) {
        boolean wasObject = target.get(key) instanceof ObjectNode;
        ObjectNode nested = wasObject ? (ObjectNode) target.get(key) : target.putObject(key);
        ObjectNode nestedMetadata =
            wasObject && metadata.get(key) instanceof ObjectNode existing
                ? existing
                : metadata.putObject(key);
        merge(nested, nestedMetadata, (ObjectNode) value, epochSecond);
        // An object whose last key was deleted is deleted too, or documents would fill up with
        // empty shells that a device never asked for.
        if (nested.isEmpty()) {
          target.remove(key);
          metadata.remove(key);
        }
      } else {
        target.set(key, value.deepCopy());
        metadata.set(key, ShadowJson.stamp(epochSecond));
      }
    }
  }

  private static void check(ShadowDocument result, ShadowLimits limits) {
    for (ObjectNode state : new ObjectNode[] {result.desired(), result.reported()}) {
      String key = ShadowJson.firstKeyLongerThan(state, limits.maxKeyLength());
      if (key != null) {
        throw new ShadowRejectedException(
            ShadowRejection.KEY_TOO_LONG,
            "A key of "
                + key.length()
                + " characters is longer than the "
                + limits.maxKeyLength()
                + " allowed.");
      }
      int depth = ShadowJson.depth(state);
      if (depth > limits.maxDepth()) {
        throw new ShadowRejectedException(
            ShadowRejection.TOO_DEEP,
            "The state would be "
                + depth
                + " levels deep, more than the "
                + limits.maxDepth()
                + " allowed.");
      }
    }
    int size = result.toJson().getBytes(StandardCharsets.UTF_8).length;
    if (size > limits.maxStoredBytes()) {
      throw new ShadowRejectedException(
          ShadowRejection.TOO_LARGE,
          "The stored shadow would take "
              + size
              + " bytes, more than the "
              + limits.maxStoredBytes()
              + " allowed.");
    }
  }
}
