package org.iotplatform.registry.group;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;

/**
 * Where the next page of the group list starts: after the last name of the previous page.
 *
 * <p>Opaque to clients (version, name and a CRC-32, URL-safe Base64), like the device search's
 * cursor; the checksum catches edited cursors, and whatever a cursor says, the list stays inside
 * the caller's tenant.
 */
record GroupCursor(String afterName) {

  private static final String VERSION = "g1";
  private static final char SEPARATOR = ':';

  GroupCursor {
    if (!GroupValidation.NAME.matcher(afterName).matches()) {
      throw new IllegalArgumentException("invalid group name: " + afterName);
    }
  }

  String encode() {
    String body = VERSION + SEPARATOR + afterName;
    String text = body + SEPARATOR + checksum(body);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor from {@link #encode()}; anything else is a 400 {@code page.invalid-cursor}.
   */
  static GroupCursor decode(String cursor) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    // Names hold no colon, so the text splits into exactly three parts.
    String[] parts = text.split(String.valueOf(SEPARATOR), -1);
    if (parts.length != 3
        || !parts[0].equals(VERSION)
        || !parts[2].equals(checksum(parts[0] + SEPARATOR + parts[1]))
        || !GroupValidation.NAME.matcher(parts[1]).matches()) {
      throw invalid();
    }
    return new GroupCursor(parts[1]);
  }

  private static String checksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static ApiException invalid() {
    return new ApiException(
        RegistryError.PAGE_INVALID_CURSOR, "The cursor is not one this service handed out.");
  }
}
