package org.iotplatform.sdk.internal;

import org.jspecify.annotations.Nullable;

/**
 * How one attempt to publish a buffered message ended.
 *
 * @param kind what happened
 * @param reasonCode the MQTT 5 reason code of a refusal, 0 otherwise
 * @param detail the reason string or the exception message, if any
 */
public record SendOutcome(Kind kind, int reasonCode, @Nullable String detail) {

  /** What happened. */
  public enum Kind {
    /** Acknowledged (QoS 1) or written (QoS 0): the message leaves the buffer. */
    DELIVERED,
    /** Refused for good: the message leaves the buffer, its publish fails. */
    REFUSED,
    /** Not delivered for now (connection lost, platform busy): the message is sent again. */
    RETRY
  }

  static final SendOutcome DELIVERED = new SendOutcome(Kind.DELIVERED, 0, null);

  static SendOutcome refused(int reasonCode, @Nullable String detail) {
    return new SendOutcome(Kind.REFUSED, reasonCode, detail);
  }

  static SendOutcome retry(@Nullable String detail) {
    return new SendOutcome(Kind.RETRY, 0, detail);
  }
}
