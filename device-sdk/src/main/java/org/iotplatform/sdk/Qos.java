package org.iotplatform.sdk;

/** The MQTT quality of service a device publishes with. */
public enum Qos {
  /** Fire and forget: the message may be lost, e.g. while the broker restarts. */
  AT_MOST_ONCE(0),
  /**
   * Acknowledged: the publish completes when the platform has stored the message durably (the
   * bridge sends the PUBACK only after Kafka acknowledged it). It may arrive twice, but is never
   * lost.
   */
  AT_LEAST_ONCE(1);

  private final int code;

  Qos(int code) {
    this.code = code;
  }

  /** The MQTT code, 0 or 1. */
  public int code() {
    return code;
  }

  /**
   * The QoS of an MQTT code.
   *
   * @throws IllegalArgumentException for anything but 0 and 1 (the platform has no QoS 2)
   */
  public static Qos of(int code) {
    return switch (code) {
      case 0 -> AT_MOST_ONCE;
      case 1 -> AT_LEAST_ONCE;
      default -> throw new IllegalArgumentException("QoS must be 0 or 1, not " + code);
    };
  }
}
