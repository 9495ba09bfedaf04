package org.iotplatform.sdk;

/** Receives messages the platform sends to the device below {@code devices/{id}/}. */
@FunctionalInterface
public interface MessageHandler {

  /**
   * Called for each message, on the client's callback executor.
   *
   * @param subtopic the topic below {@code devices/{id}/}, e.g. {@code shadow/update/delta}
   * @param payload the message's bytes
   */
  void onMessage(String subtopic, byte[] payload);
}
