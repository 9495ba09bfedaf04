package org.iotplatform.bridge.internal.auth;

import org.iotplatform.contracts.DeviceTopic;

/**
 * Which topics a client may use: a device may publish and subscribe only below {@code devices/{its
 * id}/}, and for now a device's id is its MQTT client id.
 *
 * <p>A client whose id is not a valid device id (an operator's tool, say) may connect but gets no
 * topic at all; a tool whose client id happens to be a valid device id is treated as that device.
 * Both change when authentication by the device registry arrives. Stateless and thread-safe.
 */
public final class DeviceTopicPolicy {

  /** Whether {@code clientId} may publish to the concrete topic {@code topic}. */
  public boolean mayPublish(String clientId, String topic) {
    return DeviceTopic.parse(topic).map(t -> t.deviceId().equals(clientId)).orElse(false);
  }

  /**
   * Whether {@code clientId} may subscribe to {@code topicFilter}. Wildcards are fine below the
   * device's own prefix ({@code devices/d-1/#}) and nowhere else, so no filter can match another
   * device's topics; shared subscriptions ({@code $share/...}) are refused.
   */
  public boolean maySubscribe(String clientId, String topicFilter) {
    if (!DeviceTopic.isValidDeviceId(clientId)) {
      return false;
    }
    String prefix = DeviceTopic.prefix(clientId);
    return topicFilter.startsWith(prefix) && topicFilter.length() > prefix.length();
  }
}
