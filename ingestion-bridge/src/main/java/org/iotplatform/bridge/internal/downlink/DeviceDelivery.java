package org.iotplatform.bridge.internal.downlink;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.iotplatform.contracts.DownlinkMessage;
import org.jspecify.annotations.Nullable;

/** Hands a downlink message to this broker node for one device. */
interface DeviceDelivery {

  /** What became of a message. */
  enum Outcome {
    /** The node holds the device's session, which has a matching subscription. */
    DELIVERED,
    /** The node holds no session of the device: another node's business, or nobody's. */
    NOT_HERE,
    /** The node holds the session, but it subscribes to no matching topic. */
    NOT_SUBSCRIBED
  }

  /**
   * Publishes {@code message} to {@code deviceId} if this node holds its session.
   *
   * @param expiry the MQTT message expiry interval, or null for none
   * @return completes once the broker took the message (not once the device acknowledged it), or
   *     fails when the broker refused it (then worth retrying)
   * @throws IllegalArgumentException when the broker cannot publish such a message at all (a topic
   *     or payload beyond its limits): retrying would not help
   */
  CompletableFuture<Outcome> deliver(
      String deviceId, DownlinkMessage message, @Nullable Duration expiry);
}
