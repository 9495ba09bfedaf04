package org.iotplatform.bridge.internal.forwarding;

import java.util.concurrent.CompletableFuture;

/** Ends a client's connection from the broker's side. */
@FunctionalInterface
public interface Disconnector {

  /**
   * Disconnects {@code clientId} (MQTT 5: with IMPLEMENTATION_SPECIFIC_ERROR and {@code reason});
   * the future completes, normally or not, once the client is gone or was not connected.
   */
  CompletableFuture<?> disconnect(String clientId, String reason);
}
