package org.iotplatform.alerts.channel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.iotplatform.web.ApiException;

/**
 * Where the next page of channels starts: after the last id of the previous page, as an opaque
 * string. Whatever a cursor says, a list stays inside the caller's tenant.
 */
record ChannelCursor(UUID afterId) {

  private static final String PREFIX = "ch1:";

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + afterId).getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor from {@link #encode()}; anything else is 400 {@code channel.invalid}. */
  static ChannelCursor decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        return new ChannelCursor(UUID.fromString(text.substring(PREFIX.length())));
      }
    } catch (IllegalArgumentException e) {
      // Refused below.
    }
    throw new ApiException(
        ChannelError.CHANNEL_INVALID,
        "cursor: not one this service handed out; pass nextCursor unchanged.");
  }
}
