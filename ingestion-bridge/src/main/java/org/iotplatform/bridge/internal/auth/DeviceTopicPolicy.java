package org.iotplatform.bridge.internal.auth;

import java.util.Optional;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.ShadowTopic;

/**
 * Which topics a client may use: a device may publish and subscribe only below {@code devices/{its
 * id}/}, and for now a device's id is its MQTT client id. Below {@code devices/{id}/shadow/} it may
 * publish only shadow requests ({@link ShadowTopic}): the answers there ({@code .../accepted},
 * {@code /delta}, ...) come only from the platform, so a device cannot forge its own delta. It may
 * still subscribe to them.
 *
 * <p>A client whose id is not a valid device id (an operator's tool, say) may connect but gets no
 * topic at all; a tool whose client id happens to be a valid device id is treated as that device.
 * Both change when authentication by the device registry arrives. Stateless and thread-safe.
 */
public final class DeviceTopicPolicy {

  /** What the rule says about one publish. */
  public enum PublishVerdict {
    ALLOWED,
    /** Not below {@code devices/{the client's id}/}: another device's topic, or no device's. */
    OUTSIDE_OWN_TOPICS,
    /**
     * Below the client's own {@code shadow/} but no shadow request: an answer topic or anything
     * else there, which only the platform publishes.
     */
    SHADOW_NOT_A_REQUEST
  }

  /** Whether {@code clientId} may publish to the concrete topic {@code topic}. */
  public boolean mayPublish(String clientId, String topic) {
    return checkPublish(clientId, topic) == PublishVerdict.ALLOWED;
  }

  /** The rule's verdict on {@code clientId} publishing to the concrete topic {@code topic}. */
  public PublishVerdict checkPublish(String clientId, String topic) {
    Optional<DeviceTopic> parsed = DeviceTopic.parse(topic);
    if (parsed.isEmpty() || !parsed.get().deviceId().equals(clientId)) {
      return PublishVerdict.OUTSIDE_OWN_TOPICS;
    }
    if (ShadowTopic.isShadowSubtopic(parsed.get().subtopic())
        && ShadowTopic.parse(topic).isEmpty()) {
      return PublishVerdict.SHADOW_NOT_A_REQUEST;
    }
    return PublishVerdict.ALLOWED;
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
