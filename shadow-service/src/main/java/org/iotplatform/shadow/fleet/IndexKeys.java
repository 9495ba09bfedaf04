package org.iotplatform.shadow.fleet;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The Redis keys of the fleet index. A key is {@value #PREFIX} followed by a JSON array: {@code
 * [tenant, kind, ...]}, for example {@code fleet:["acme","eq","reported",["config","mode"],"eco"]}.
 * JSON keeps every key unambiguous whatever the tenant, the JSON keys of the path and the value
 * hold (dots, quotes, brackets), and tells the string {@code "1"} from the number {@code 1}.
 */
final class IndexKeys {

  /** What every index key starts with. */
  static final String PREFIX = "fleet:";

  /**
   * Longer string values are not indexed by value: an {@code eq} set per long string (free text,
   * blobs) would cost much memory for queries nobody makes.
   */
  static final int MAX_INDEXED_STRING_LENGTH = 128;

  private static final JsonStringEncoder JSON = JsonStringEncoder.getInstance();

  private IndexKeys() {}

  /** Every shadow of the tenant. */
  static String all(String tenantId) {
    return key(tenantId, "all");
  }

  /** Shadows whose {@code section} holds a scalar or an array at {@code path}. */
  static String has(String tenantId, Section section, List<String> path) {
    return key(tenantId, "has", section.label(), path);
  }

  /**
   * Shadows whose {@code section} holds {@code value} at {@code path}.
   *
   * @param value an {@link #indexedValue indexed value}
   */
  static String eq(String tenantId, Section section, List<String> path, Object value) {
    return key(tenantId, "eq", section.label(), path, value);
  }

  /** Shadows whose delta holds a scalar or an array at {@code path}. */
  static String delta(String tenantId, List<String> path) {
    return key(tenantId, "delta", path);
  }

  /** Shadows with a delta: desired differs from reported somewhere. */
  static String outOfSync(String tenantId) {
    return key(tenantId, "outOfSync");
  }

  /**
   * The form in which {@code node} is indexed by value, or null when it is not: a string of at most
   * {@value #MAX_INDEXED_STRING_LENGTH} characters, a boolean, or a number as a {@link BigDecimal}
   * without trailing zeros, so that {@code 1}, {@code 1.0} and {@code 1e0} are one value.
   */
  static @Nullable Object indexedValue(JsonNode node) {
    if (node.isString()) {
      String text = node.stringValue();
      return text.length() <= MAX_INDEXED_STRING_LENGTH ? text : null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      try {
        return canonical(node.decimalValue());
      } catch (NumberFormatException notFinite) {
        return null;
      }
    }
    return null;
  }

  static BigDecimal canonical(BigDecimal number) {
    return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
  }

  /**
   * Written by hand rather than with an ObjectMapper: every shadow update builds a few dozen keys,
   * twice (before and after), and this is several times faster.
   */
  private static String key(String tenantId, String kind, Object... rest) {
    StringBuilder key = new StringBuilder(64).append(PREFIX).append('[');
    string(key, tenantId);
    key.append(',');
    string(key, kind);
    for (Object part : rest) {
      key.append(',');
      if (part instanceof List<?> path) {
        key.append('[');
        for (int i = 0; i < path.size(); i++) {
          if (i > 0) {
            key.append(',');
          }
          string(key, (String) path.get(i));
        }
        key.append(']');
      } else if (part instanceof String text) {
        string(key, text);
      } else {
        // A Boolean or a canonical BigDecimal: toString() is their JSON form ("1E+2" included).
        key.append(part);
      }
    }
    return key.append(']').toString();
  }

  private static void string(StringBuilder key, String text) {
    key.append('"');
    JSON.quoteAsString(text, key);
    key.append('"');
  }
}
