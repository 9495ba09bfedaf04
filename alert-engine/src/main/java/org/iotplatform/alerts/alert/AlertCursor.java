package org.iotplatform.alerts.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;
import org.iotplatform.web.ApiException;

/**
 * Where the next page of alerts starts: after the alert fired at {@code firedAt} with id {@code
 * id}, in the list's order (newest first). Clients get it as an opaque URL-safe string with a
 * CRC-32 that catches edited or truncated cursors; whatever it says, a list stays in the caller's
 * tenant.
 */
record AlertCursor(Instant firedAt, UUID id) {

  private static final String FORMAT = "a1";

  String encode() {
    String body = FORMAT + "|" + firedAt + "|" + id;
    String text = body + "|" + checksum(body);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor from {@link #encode()}; anything else is 400 {@code page.invalid-cursor}. */
  static AlertCursor decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = text.split("\\|", -1);
      if (parts.length != 4
          || !parts[0].equals(FORMAT)
          || !parts[3].equals(checksum(parts[0] + "|" + parts[1] + "|" + parts[2]))) {
        throw invalid();
      }
      return new AlertCursor(Instant.parse(parts[1]), UUID.fromString(parts[2]));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw invalid();
    }
  }

  private static String checksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static ApiException invalid() {
    return new ApiException(
        AlertError.PAGE_INVALID_CURSOR, "The cursor is not one this service handed out.");
  }
}
