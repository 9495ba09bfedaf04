package org.iotplatform.shadow.document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One device shadow as stored: desired and reported state, each with its metadata (the same shape,
 * {@code {"timestamp":<epoch seconds>}} at each leaf, as AWS IoT), the version and the time of the
 * last change. Immutable: the trees are copied in and out. Times are whole seconds, the resolution
 * of every shadow payload.
 *
 * @param version 0 for a shadow never updated, one more with every accepted update
 */
public record ShadowDocument(
    ObjectNode desired,
    ObjectNode reported,
    ObjectNode desiredMetadata,
    ObjectNode reportedMetadata,
    long version,
    Instant timestamp) {

  public ShadowDocument {
    if (version < 0) {
      throw new IllegalArgumentException("a shadow version is at least 0, not " + version);
    }
    desired = desired.deepCopy();
    reported = reported.deepCopy();
    desiredMetadata = desiredMetadata.deepCopy();
    reportedMetadata = reportedMetadata.deepCopy();
    timestamp = timestamp.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The shadow of a device that never had one: empty, version 0. */
  public static ShadowDocument empty() {
    return emptyAt(0);
  }

  /**
   * An empty document at {@code version}: a deleted shadow, whose next update goes on from the
   * version it had, so a device never takes the new shadow's answers for stale ones.
   */
  public static ShadowDocument emptyAt(long version) {
    return new ShadowDocument(
        ShadowJson.object(),
        ShadowJson.object(),
        ShadowJson.object(),
        ShadowJson.object(),
        version,
        Instant.EPOCH);
  }

  @Override
  public ObjectNode desired() {
    return desired.deepCopy();
  }

  @Override
  public ObjectNode reported() {
    return reported.deepCopy();
  }

  @Override
  public ObjectNode desiredMetadata() {
    return desiredMetadata.deepCopy();
  }

  @Override
  public ObjectNode reportedMetadata() {
    return reportedMetadata.deepCopy();
  }

  /** What the device still has to do; computed on every call, never stored. */
  public ShadowDelta delta() {
    return ShadowDelta.between(desired, desiredMetadata, reported);
  }

  /** As {@link #apply(ShadowUpdate, Instant, ShadowLimits)} with the default limits. */
  public ShadowDocument apply(ShadowUpdate update, Instant now) {
    return apply(update, now, ShadowLimits.DEFAULTS);
  }

  /**
   * The document after {@code update}: merged, stamped with {@code now}, one version further. An
   * update that changes no value is accepted all the same and also takes a new version, as in AWS
   * IoT.
   *
   * @throws ShadowRejectedException on a version conflict or a result over the limits; this
   *     document stays as it is
   */
  public ShadowDocument apply(ShadowUpdate update, Instant now, ShadowLimits limits) {
    return ShadowMerge.apply(this, update, now, limits);
  }

  /**
   * The storage form: {@code {"state":{"desired":{},"reported":{}},"metadata":{"desired":{},
   * "reported":{}},"version":3,"timestamp":<epoch seconds>}}.
   */
  public String toJson() {
    return ShadowJson.MAPPER.writeValueAsString(toTree());
  }

  /**
   * The storage form of {@link #toJson()} as a tree of copies, for embedding in other documents.
   */
  public ObjectNode toTree() {
    ObjectNode root = ShadowJson.object();
    ObjectNode state = root.putObject("state");
    state.set("desired", desired());
    state.set("reported", reported());
    ObjectNode metadata = root.putObject("metadata");
    metadata.set("desired", desiredMetadata());
    metadata.set("reported", reportedMetadata());
    root.put("version", version);
    root.put("timestamp", timestamp.getEpochSecond());
    return root;
  }

  /**
   * Reads the storage form of {@link #toJson()}.
   *
   * @throws IllegalArgumentException when {@code json} is not a stored shadow
   */
  public static ShadowDocument fromJson(String json) {
    try {
      JsonNode root = ShadowJson.MAPPER.readTree(json);
      JsonNode version = root.path("version");
      JsonNode timestamp = root.path("timestamp");
      if (!version.isIntegralNumber() || !timestamp.isIntegralNumber()) {
        throw new IllegalArgumentException("a stored shadow needs a version and a timestamp");
      }
      return new ShadowDocument(
          object(root, "state", "desired"),
          object(root, "state", "reported"),
          object(root, "metadata", "desired"),
          object(root, "metadata", "reported"),
          version.longValue(),
          Instant.ofEpochSecond(timestamp.longValue()));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a stored shadow: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode object(JsonNode root, String section, String part) {
    if (root.path(section).path(part) instanceof ObjectNode node) {
      return node;
    }
    throw new IllegalArgumentException("a stored shadow needs the object " + section + "." + part);
  }
}
