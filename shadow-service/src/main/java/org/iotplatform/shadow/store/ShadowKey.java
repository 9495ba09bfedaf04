package org.iotplatform.shadow.store;

import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.ShadowTopic;
import org.jspecify.annotations.Nullable;

/**
 * Which shadow: a device's classic shadow (no name) or one of its named shadows.
 *
 * @param deviceId the device id
 * @param shadowName the named shadow's name, or null for the classic shadow
 */
public record ShadowKey(String deviceId, @Nullable String shadowName) {

  /** The separator in {@link #member()}; neither device ids nor shadow names contain it. */
  static final char SEPARATOR = '/';

  public ShadowKey {
    if (!DeviceTopic.isValidDeviceId(deviceId)) {
      throw new IllegalArgumentException("invalid device id: " + deviceId);
    }
    if (shadowName != null && !ShadowTopic.isValidShadowName(shadowName)) {
      throw new IllegalArgumentException("invalid shadow name: " + shadowName);
    }
  }

  public static ShadowKey classic(String deviceId) {
    return new ShadowKey(deviceId, null);
  }

  public static ShadowKey named(String deviceId, String shadowName) {
    return new ShadowKey(deviceId, shadowName);
  }

  /** The shadow a request topic addresses. */
  public static ShadowKey of(ShadowTopic topic) {
    return new ShadowKey(topic.deviceId(), topic.shadowName());
  }

  /**
   * The shadow's id in Redis and in the fleet index: {@code deviceId} for the classic shadow,
   * {@code deviceId/name} for a named one.
   */
  public String member() {
    return shadowName == null ? deviceId : deviceId + SEPARATOR + shadowName;
  }

  /** Reads {@link #member()}. */
  public static ShadowKey fromMember(String member) {
    int separator = member.indexOf(SEPARATOR);
    return separator < 0
        ? classic(member)
        : new ShadowKey(member.substring(0, separator), member.substring(separator + 1));
  }

  /** The name in the device's set of shadow names: the empty string for the classic shadow. */
  String nameMember() {
    return shadowName == null ? "" : shadowName;
  }

  /** The request topic of {@code operation} on this shadow. */
  public ShadowTopic topic(ShadowTopic.Operation operation) {
    return new ShadowTopic(deviceId, shadowName, operation);
  }
}
