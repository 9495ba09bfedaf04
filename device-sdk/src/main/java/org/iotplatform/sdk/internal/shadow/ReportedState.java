package org.iotplatform.sdk.internal.shadow;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the device has reported, all reports merged in the order they were made ({@code null}s kept:
 * they delete). A report sent again (its answer was lost) takes its keys' values from here, so it
 * cannot undo a newer report that went out before it: report A {@code {"t":20}}, connection lost
 * before its answer, report B {@code {"t":21}} buffered and sent first after the reconnect, then A
 * again, as {@code {"t":21}}. Thread-safe.
 */
final class ReportedState {

  private final ObjectNode merged = ShadowPayloads.JSON.createObjectNode();

  /** Merges a report in, as it is made. */
  synchronized void merge(ObjectNode reported) {
    merge(merged, reported);
  }

  /** The latest values of the top-level keys {@code reported} names. */
  synchronized ObjectNode latest(ObjectNode reported) {
    ObjectNode latest = ShadowPayloads.JSON.createObjectNode();
    for (String key : reported.propertyNames()) {
      JsonNode value = merged.get(key);
      latest.set(key, value == null ? reported.get(key).deepCopy() : value.deepCopy());
    }
    return latest;
  }

  private static void merge(ObjectNode into, ObjectNode update) {
    for (Map.Entry<String, JsonNode> property : update.properties()) {
      JsonNode existing = into.get(property.getKey());
      if (existing instanceof ObjectNode target
          && property.getValue() instanceof ObjectNode nested) {
        merge(target, nested);
      } else {
        into.set(property.getKey(), property.getValue().deepCopy());
      }
    }
  }
}
