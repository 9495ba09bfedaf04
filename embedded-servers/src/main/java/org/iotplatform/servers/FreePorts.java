package org.iotplatform.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/** Free TCP ports on 127.0.0.1. */
public final class FreePorts {

  /** The only address every server binds. */
  public static final String LOOPBACK = "127.0.0.1";

  private static final int ATTEMPTS_ON_PORT_CONFLICT = 3;

  private FreePorts() {}

  /**
   * A port that was free a moment ago. Another process may take it before the caller binds it,
   * which is why servers started on port 0 retry with {@link #startOnFreePort}.
   */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(loopback(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new ServerStartException("no free TCP port on " + LOOPBACK, e);
    }
  }

  /** Like {@link #pick()}, but never {@code chosen}: a port picked already and not bound yet. */
  static int pickOtherThan(int chosen) {
    int port = pick();
    while (port == chosen) {
      port = pick();
    }
    return port;
  }

  /** Whether nothing listens on {@code port} of 127.0.0.1. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(loopback(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Throws a {@link ServerStartException} naming {@code server} when the port is taken. */
  static void requireFree(int port, String server) {
    if (!isFree(port)) {
      throw ServerStartException.portConflict(
          server
              + " cannot start: "
              + LOOPBACK
              + ":"
              + port
              + " is already in use (is an earlier instance still running?)",
          null);
    }
  }

  /**
   * Starts a server on {@code port}, or when it is 0, on a picked free port, picking again when
   * another process took the port first.
   */
  static <T> T startOnFreePort(int port, IntFunction<T> start) {
    if (port != 0) {
      return start.apply(port);
    }
    @Nullable ServerStartException last = null;
    for (int attempt = 0; attempt < ATTEMPTS_ON_PORT_CONFLICT; attempt++) {
      try {
        return start.apply(pick());
      } catch (ServerStartException e) {
        if (!e.isPortConflict()) {
          throw e;
        }
        last = e;
      }
    }
    throw Objects.requireNonNull(last);
  }

  static InetAddress loopback() {
    try {
      return InetAddress.getByName(LOOPBACK);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
