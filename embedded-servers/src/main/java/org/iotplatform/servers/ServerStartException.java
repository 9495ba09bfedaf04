package org.iotplatform.servers;

import org.jspecify.annotations.Nullable;

/** A server could not be started; the message says which one and why. */
public class ServerStartException extends RuntimeException {

  private final boolean portConflict;

  public ServerStartException(String message) {
    this(message, null, false);
  }

  public ServerStartException(String message, Throwable cause) {
    this(message, cause, false);
  }

  ServerStartException(String message, @Nullable Throwable cause, boolean portConflict) {
    super(message, cause);
    this.portConflict = portConflict;
  }

  static ServerStartException portConflict(String message, @Nullable Throwable cause) {
    return new ServerStartException(message, cause, true);
  }

  /** Whether the start failed because its port was taken, so that another free port may succeed. */
  public boolean isPortConflict() {
    return portConflict;
  }
}
