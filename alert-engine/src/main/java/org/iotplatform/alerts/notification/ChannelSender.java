package org.iotplatform.alerts.notification;

/** Sends a message over one kind of channel; one attempt, bounded by the configured timeout. */
interface ChannelSender {

  /** The {@code ChannelTarget.kind} it sends over. */
  String kind();

  /**
   * Makes one attempt.
   *
   * @throws Exception when the attempt failed; its message becomes the delivery's last error
   */
  void send(Delivery delivery) throws Exception;
}
