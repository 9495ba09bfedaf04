package org.iotplatform.sdk;

import java.time.Duration;

/** Learns when a device client connects and disconnects. Called on the callback executor. */
public interface ConnectionListener {

  /** The client is connected to {@code endpoint}; buffered messages are being drained. */
  default void connected(Endpoint endpoint) {}

  /**
   * The client lost (or could not get) its connection for {@code cause} and tries again in {@code
   * reconnectIn}, at the next endpoint if the attempt failed.
   */
  default void disconnected(Throwable cause, Duration reconnectIn) {}
}
