package org.iotplatform.shadow.document;

import java.util.Comparator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON plumbing the shadow types share. */
final class ShadowJson {

  /**
   * Strict on purpose: a duplicate key or trailing garbage would otherwise be silently half-read,
   * and a device would believe a state was stored that was not.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * Numbers by value, so that a reported 1.0 satisfies a desired 1 (JSON does not tell them apart).
   */
  private static final Comparator<JsonNode> BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private ShadowJson() {}

  static boolean sameValue(JsonNode a, JsonNode b) {
    return a.equals(BY_VALUE, b);
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The metadata of one leaf, {@code {"timestamp":<epoch seconds>}}. */
  static ObjectNode stamp(long epochSecond) {
    // The parser reads numbers that fit an int as int nodes, and int and long nodes are never
    // equal: written the same way, a document read back from storage equals the one stored.
    return epochSecond == (int) epochSecond
        ? object().put("timestamp", (int) epochSecond)
        : object().put("timestamp", epochSecond);
  }

  /** Levels of objects and arrays: 0 for a scalar, 1 for {@code {"a":1}} or {@code []}. */
  static int depth(JsonNode node) {
    if (!node.isContainer()) {
      return 0;
    }
    int deepest = 0;
    for (JsonNode child : node.values()) {
      deepest = Math.max(deepest, depth(child));
    }
    return deepest + 1;
  }

  /** The first key, at any level, longer than {@code maxLength}, or null. */
  static @Nullable String firstKeyLongerThan(JsonNode node, int maxLength) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        if (property.getKey().length() > maxLength) {
          return property.getKey();
        }
        String nested = firstKeyLongerThan(property.getValue(), maxLength);
        if (nested != null) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node.values()) {
        String nested = firstKeyLongerThan(element, maxLength);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }
}
