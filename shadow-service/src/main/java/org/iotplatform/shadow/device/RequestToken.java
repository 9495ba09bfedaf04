package org.iotplatform.shadow.device;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client token of a get or delete request, whose payload may be empty or any JSON. */
final class RequestToken {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int MAX_LENGTH = 64;

  private RequestToken() {}

  static @Nullable String of(String payload) {
    if (payload.isBlank()) {
      return null;
    }
    try {
      JsonNode token = MAPPER.readTree(payload).path("clientToken");
      return token.isString() && token.stringValue().length() <= MAX_LENGTH
          ? token.stringValue()
          : null;
    } catch (JacksonException e) {
      return null;
    }
  }
}
