package org.iotplatform.shadow.document;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the device still has to do: every desired key whose value differs from the reported one,
 * nested objects compared key by key, arrays and scalars whole.
 *
 * @param state the differing desired values, shaped like desired
 * @param metadata desired's metadata of those values, shaped like {@code state}
 */
public record ShadowDelta(ObjectNode state, ObjectNode metadata) {

  public ShadowDelta {
    state = state.deepCopy();
    metadata = metadata.deepCopy();
  }

  @Override
  public ObjectNode state() {
    return state.deepCopy();
  }

  @Override
  public ObjectNode metadata() {
    return metadata.deepCopy();
  }

  /** True when reported matches desired: nothing to send to the device. */
  public boolean isEmpty() {
    return state.isEmpty();
  }

  /** The delta of {@code desired} against {@code reported}. */
  static ShadowDelta between(ObjectNode desired, ObjectNode desiredMetadata, ObjectNode reported) {
    ObjectNode state = ShadowJson.object();
    ObjectNode metadata = ShadowJson.object();
    collect(desired, desiredMetadata, reported, state, metadata);
    return new ShadowDelta(state, metadata);
  }

  private static void collect(
      ObjectNode desired,
      ObjectNode desiredMetadata,
      ObjectNode reported,
      ObjectNode state,
      ObjectNode metadata) {
    for (var property : desired.properties()) {
      String key = property.getKey();
      var wanted = property.getValue();
      var actual = reported.get(key);
      var wantedMetadata = desiredMetadata.get(key);
      if (wanted.isObject() && actual != null && actual.isObject()) {
        ObjectNode nestedState = ShadowJson.object();
        ObjectNode nestedMetadata = ShadowJson.object();
        collect(
            (ObjectNode) wanted,
            wantedMetadata instanceof ObjectNode objectMetadata
                ? objectMetadata
                : ShadowJson.object(),
            (ObjectNode) actual,
            nestedState,
            nestedMetadata);
        if (!nestedState.isEmpty()) {
          state.set(key, nestedState);
          metadata.set(key, nestedMetadata);
        }
      } else if (actual == null || !ShadowJson.sameValue(wanted, actual)) {
        state.set(key, wanted.deepCopy());
        if (wantedMetadata != null) {
          metadata.set(key, wantedMetadata.deepCopy());
        }
      }
    }
  }
}
