package org.iotplatform.shadow.document;

import org.iotplatform.web.ErrorCode;
import org.iotplatform.web.ErrorSpec;
import org.springframework.http.HttpStatus;

/**
 * Why a shadow request was refused: the shadow entries of the service's error catalogue, rendered
 * as problem details over REST and as {@code /rejected} payloads over MQTT, where {@code code} is
 * the HTTP status as AWS IoT does it. The stored shadow is unchanged whenever one of these is
 * raised.
 */
public enum ShadowRejection implements ErrorCode {
  MALFORMED_JSON(
      HttpStatus.BAD_REQUEST,
      "shadow.malformed-json",
      "Malformed JSON",
      "Send one UTF-8 JSON object without duplicate keys."),
  INVALID_UPDATE(
      HttpStatus.BAD_REQUEST,
      "shadow.invalid-update",
      "Invalid shadow update",
      "Send {\"state\":{\"desired\":{...},\"reported\":{...}}} with at least one of the two, and"
          + " optionally \"version\" (a whole number) and \"clientToken\" (up to 64 characters)."),
  VERSION_CONFLICT(
      HttpStatus.CONFLICT,
      "shadow.version-conflict",
      "Version conflict",
      "Get the shadow, apply your change to it and send it again with its current version."),
  TOO_LARGE(
      HttpStatus.CONTENT_TOO_LARGE,
      "shadow.too-large",
      "Shadow too large",
      "Remove keys (send null for them) or store large values elsewhere."),
  TOO_DEEP(
      HttpStatus.BAD_REQUEST,
      "shadow.too-deep",
      "Shadow too deep",
      "Flatten the state: nest fewer objects and arrays."),
  KEY_TOO_LONG(
      HttpStatus.BAD_REQUEST, "shadow.key-too-long", "Shadow key too long", "Use shorter keys."),
  NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "shadow.not-found",
      "No such shadow",
      "Check the device id and shadow name; a shadow exists after its first update.");

  private final ErrorSpec spec;

  ShadowRejection(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }
}
