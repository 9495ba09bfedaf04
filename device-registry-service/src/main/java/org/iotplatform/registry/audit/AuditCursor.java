package org.iotplatform.registry.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;

/**
 * Where the next page of a history starts: the row id of the last entry shown, URL-safe Base64 with
 * a prefix that names the format. The history reads {@code id < that id}, newest first.
 */
record AuditCursor(long beforeId) {

  private static final String PREFIX = "h1:";

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + beforeId).getBytes(StandardCharsets.UTF_8));
  }

  static AuditCursor decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        return new AuditCursor(Long.parseLong(text.substring(PREFIX.length())));
      }
    } catch (IllegalArgumentException e) {
      // Not Base64, or not a number: the same answer as a wrong prefix.
    }
    throw new ApiException(
        RegistryError.PAGE_INVALID_CURSOR, "The cursor '" + cursor + "' is not one this API gave.");
  }
}
