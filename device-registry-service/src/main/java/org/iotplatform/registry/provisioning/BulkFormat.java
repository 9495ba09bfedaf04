package org.iotplatform.registry.provisioning;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The body formats of a bulk import, told apart by the request's Content-Type. */
enum BulkFormat {
  /** One device JSON object per line, the fields of {@code POST /api/v1/devices}. */
  NDJSON(MediaType.parseMediaType("application/x-ndjson")),
  /** A header row, then one device per line. */
  CSV(MediaType.parseMediaType("text/csv"));

  private final MediaType mediaType;

  BulkFormat(MediaType mediaType) {
    this.mediaType = mediaType;
  }

  /**
   * The format a Content-Type names; anything else, or a charset other than UTF-8, is a 415 {@code
   * bulk.unsupported-media-type}.
   */
  static BulkFormat of(@Nullable String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw unsupported("The request has no Content-Type.");
    }
    MediaType given;
    try {
      given = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      throw unsupported("Content-Type '" + contentType + "' is not a media type.");
    }
    Charset charset = given.getCharset();
    for (BulkFormat format : values()) {
      if (format.mediaType.equalsTypeAndSubtype(given)) {
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
          throw unsupported("The body must be UTF-8, not " + charset.name() + ".");
        }
        return format;
      }
    }
    throw unsupported("Content-Type '" + contentType + "' is not a bulk format.");
  }

  private static ApiException unsupported(String problem) {
    return new ApiException(RegistryError.BULK_UNSUPPORTED_MEDIA_TYPE, problem);
  }
}
