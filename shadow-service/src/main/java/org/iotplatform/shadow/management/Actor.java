package org.iotplatform.shadow.management;

/**
 * Who asked for a change, as the change stream records it.
 *
 * @param kind {@code device} or {@code operator}
 * @param id the device id or the operator's subject
 */
public record Actor(String kind, String id) {

  public static Actor device(String deviceId) {
    return new Actor("device", deviceId);
  }

  public static Actor operator(String subject) {
    return new Actor("operator", subject);
  }

  /** The registry, deleting the shadows of a deleted device. */
  public static Actor registry() {
    return new Actor("registry", "device-deleted");
  }

  boolean isDevice() {
    return kind.equals("device");
  }
}
