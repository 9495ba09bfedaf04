package org.iotplatform.sdk.internal;

import java.util.Map;
import org.iotplatform.sdk.MessageHandler;

/**
 * A feature client riding on a device's connection (the shadow client; later OTA): it subscribes to
 * its answer topics and learns when they are in place on a new connection. Called on the client's
 * callback executor, but for {@link #lost()}.
 */
public interface ConnectionFeature {

  /**
   * The subtopic filters the feature receives, below {@code devices/{id}/}, with their handlers.
   */
  Map<String, MessageHandler> subscriptions();

  /**
   * The client is connected and the broker acknowledged {@link #subscriptions()} on this
   * connection; messages published from now on have their answers' subscriptions in place.
   */
  void ready();

  /**
   * The connection was lost; answers sent meanwhile may be lost too (a clean session). Called on
   * the MQTT client's thread, in order with the connects, so it must be quick.
   */
  void lost();

  /** The client was closed for good. */
  void closed();
}
