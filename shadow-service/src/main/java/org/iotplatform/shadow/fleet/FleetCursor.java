package org.iotplatform.shadow.fleet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.iotplatform.shadow.store.ShadowKey;
import org.jspecify.annotations.Nullable;

/**
 * The cursor of a fleet query page: the member the next page resumes after, base64url-encoded so
 * that clients treat it as opaque and it travels in a URL unescaped.
 */
final class FleetCursor {

  private FleetCursor() {}

  static @Nullable String encode(String member) {
    return member.isEmpty()
        ? null
        : Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(member.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The member to resume after, {@code ""} for the first page.
   *
   * @throws FleetQueryException ({@code shadow.invalid-cursor}) for a cursor no page handed out
   */
  static String decode(@Nullable String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return "";
    }
    try {
      String member = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return ShadowKey.fromMember(member).member();
    } catch (IllegalArgumentException e) {
      throw FleetQueryException.invalidCursor(
          "The cursor '" + cursor + "' is not one we gave out.");
    }
  }
}
