package org.iotplatform.shadow.management;

import org.iotplatform.contracts.DownlinkMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes {@link DownlinkMessage} values as the contract's JSON. */
final class DownlinkJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private DownlinkJson() {}

  /** A QoS 1 message to the device on {@code topic}, never expiring, not retained. */
  static String qos1(String topic, String payload) {
    ObjectNode value = MAPPER.createObjectNode();
    value.put("topic", topic);
    value.put("payload", payload);
    value.put("qos", 1);
    value.put("retain", false);
    return MAPPER.writeValueAsString(value);
  }
}
