package org.iotplatform.shadow.fleet;

import org.jspecify.annotations.Nullable;

/**
 * One shadow of a device: its classic shadow, or one of its named shadows.
 *
 * @param deviceId the device; never contains '/'
 * @param shadowName the named shadow's name, or null for the classic shadow; never contains '/'
 */
public record ShadowRef(String deviceId, @Nullable String shadowName) {

  private static final char SEPARATOR = '/';

  public ShadowRef {
    if (deviceId.isEmpty() || deviceId.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("not a device id: '" + deviceId + "'");
    }
    if (shadowName != null && (shadowName.isEmpty() || shadowName.indexOf(SEPARATOR) >= 0)) {
      throw new IllegalArgumentException("not a shadow name: '" + shadowName + "'");
    }
  }

  /** The device's classic (unnamed) shadow. */
  public static ShadowRef classic(String deviceId) {
    return new ShadowRef(deviceId, null);
  }

  /** The device's shadow named {@code shadowName}. */
  public static ShadowRef named(String deviceId, String shadowName) {
    return new ShadowRef(deviceId, shadowName);
  }

  /**
   * The shadow's member in the index sets: {@code deviceId} for the classic shadow, {@code
   * deviceId/shadowName} for a named one. Neither part holds '/', so the form is unambiguous.
   */
  public String member() {
    return shadowName == null ? deviceId : deviceId + SEPARATOR + shadowName;
  }

  /** The shadow whose {@link #member()} is {@code member}. */
  public static ShadowRef fromMember(String member) {
    int separator = member.indexOf(SEPARATOR);
    return separator < 0
        ? classic(member)
        : named(member.substring(0, separator), member.substring(separator + 1));
  }
}
