package org.iotplatform.sdk;

/**
 * The platform refused a publish for good (its PUBACK carried an error reason code such as {@code
 * 0x87 Not authorized} or {@code 0x99 Payload format invalid}); the message is not retried.
 * Transient refusals (the platform's {@code 0x83} while Kafka is unavailable, {@code 0x97 Quota
 * exceeded}) are retried from the offline buffer instead and never surface here.
 */
public class PublishRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int reasonCode;

  public PublishRefusedException(int reasonCode, String message) {
    super(message);
    this.reasonCode = reasonCode;
  }

  /** The MQTT 5 reason code of the PUBACK. */
  public int reasonCode() {
    return reasonCode;
  }
}
