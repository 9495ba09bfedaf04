package org.iotplatform.registry.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;

/**
 * Page cursors as clients get them: opaque strings (a format name, the position where the next page
 * starts, and a CRC-32, URL-safe Base64), so that clients do not build cursors themselves and the
 * format can change. The checksum catches edited or truncated cursors; it is no secret, nor does it
 * need to be: whatever a cursor says, a list stays inside the caller's tenant.
 */
public final class Cursors {

  private static final char SEPARATOR = ':';

  private Cursors() {}

  /**
   * @param format names the list and the version of its position's format, without a colon
   * @param position where the next page starts, such as the last id of this page
   */
  public static String encode(String format, String position) {
    String body = format + SEPARATOR + position;
    String text = body + SEPARATOR + checksum(body);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The position of a cursor that {@link #encode} made with this format and that {@code valid}
   * accepts; anything else is a 400 {@code page.invalid-cursor}.
   */
  public static String decode(String format, String cursor, Predicate<String> valid) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    int first = text.indexOf(SEPARATOR);
    int last = text.lastIndexOf(SEPARATOR);
    if (first < 0 || last == first) {
      throw invalid();
    }
    String position = text.substring(first + 1, last);
    if (!text.substring(0, first).equals(format)
        || !text.substring(last + 1).equals(checksum(text.substring(0, last)))
        || !valid.test(position)) {
      throw invalid();
    }
    return position;
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
