package org.iotplatform.sdk;

/**
 * A broker a device may connect to.
 *
 * @param host host name or address
 * @param port TCP port (1-65535)
 */
public record Endpoint(String host, int port) {

  public Endpoint {
    if (host.isBlank()) {
      throw new InvalidConfigurationException("an endpoint's host is blank");
    }
    if (port < 1 || port > 65_535) {
      throw new InvalidConfigurationException("an endpoint's port must be 1-65535, not " + port);
    }
  }

  /**
   * Parses {@code host:port}.
   *
   * @throws InvalidConfigurationException if the text is not of that form
   */
  public static Endpoint parse(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostAndPort.length() - 1) {
      throw new InvalidConfigurationException(
          "an endpoint is host:port, not '" + hostAndPort + "'");
    }
    try {
      return new Endpoint(
          hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(
          "an endpoint's port is not a number in '" + hostAndPort + "'");
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
