package org.iotplatform.alerts.notification;

import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How channel targets and messages are stored (jsonb) and sent. */
final class NotificationJson {

  static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private NotificationJson() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static ChannelTarget target(String json) {
    return MAPPER.readValue(json, ChannelTarget.class);
  }

  static NotificationMessage message(String json) {
    return MAPPER.readValue(json, NotificationMessage.class);
  }
}
