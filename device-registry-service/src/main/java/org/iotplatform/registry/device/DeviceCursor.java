package org.iotplatform.registry.device;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;

/**
 * Where the next page of a device search starts: after the last id of the previous page.
 *
 * <p>Clients get it as an opaque string (version, id and a CRC-32, URL-safe Base64) so that they do
 * not build cursors themselves and the format can change. The checksum catches edited or truncated
 * cursors; it is no secret, nor does it need to be: whatever a cursor says, the search stays inside
 * the caller's tenant.
 */
record DeviceCursor(String afterId) {

  private static final String VERSION = "1";
  private static final char SEPARATOR = ':';

  DeviceCursor {
    if (!DeviceTopic.isValidDeviceId(afterId)) {
      throw new IllegalArgumentException("invalid device id: " + afterId);
    }
  }

  String encode() {
    String body = VERSION + SEPARATOR + afterId;
    String text = body + SEPARATOR + checksum(body);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor from {@link #encode()}; anything else is a 400 {@code page.invalid-cursor}.
   */
  static DeviceCursor decode(String cursor) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    int last = text.lastIndexOf(SEPARATOR);
    int first = text.indexOf(SEPARATOR);
    if (first < 0 || last == first) {
      throw invalid();
    }
    String body = text.substring(0, last);
    String afterId = text.substring(first + 1, last);
    if (!text.substring(0, first).equals(VERSION)
        || !text.substring(last + 1).equals(checksum(body))
        || !DeviceTopic.isValidDeviceId(afterId)) {
      throw invalid();
    }
    return new DeviceCursor(afterId);
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
