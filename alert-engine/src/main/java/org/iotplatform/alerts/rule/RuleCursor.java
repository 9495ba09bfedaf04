package org.iotplatform.alerts.rule;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of rules starts: after the last id of the previous page, as an opaque string
 * (the format may change). Whatever a cursor says, a list stays inside the caller's tenant.
 */
record RuleCursor(UUID afterId) {

  private static final String PREFIX = "r1:";

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + afterId).getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor from {@link #encode()}; anything else is 400 {@code rule.invalid}. */
  static RuleCursor decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        return new RuleCursor(UUID.fromString(text.substring(PREFIX.length())));
      }
    } catch (IllegalArgumentException e) {
      // Refused below.
    }
    throw RuleError.invalid("cursor", "is not one this service handed out; pass nextCursor as is");
  }
}
