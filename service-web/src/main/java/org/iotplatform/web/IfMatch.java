package org.iotplatform.web;

import org.jspecify.annotations.Nullable;

/**
 * The version an {@code If-Match} header names, where ETags are versions (registry and shadow
 * service) ({@code "3"}).
 */
public final class IfMatch {

  private IfMatch() {}

  /**
   * The version in {@code "3"}, {@code W/"3"} or {@code 3}; null for no header, a blank one or
   * {@code *} (any version).
   *
   * @param error the catalogue entry to refuse a header that names no version with
   */
  public static @Nullable Long version(@Nullable String header, ErrorCode error) {
    if (header == null || header.isBlank() || header.equals("*")) {
      return null;
    }
    String tag = header.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new ApiException(
          error, "If-Match must be an ETag this service sent, got " + header + ".");
    }
  }
}
