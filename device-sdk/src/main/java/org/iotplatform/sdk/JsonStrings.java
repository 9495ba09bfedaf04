package org.iotplatform.sdk;

/**
 * Writes JSON string literals for the payloads the SDK builds by hand (they are hot in simulators).
 */
final class JsonStrings {

  private JsonStrings() {}

  /** Appends {@code text} as a quoted, escaped JSON string. */
  static void append(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
