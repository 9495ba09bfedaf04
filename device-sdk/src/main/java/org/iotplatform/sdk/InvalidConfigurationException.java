package org.iotplatform.sdk;

/**
 * A device client was configured in a way that cannot work (a missing key file, a certificate
 * issued to another device id, no credentials). Thrown by {@link DeviceClientBuilder#build()}
 * before any connection is tried.
 */
public class InvalidConfigurationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String message) {
    super(message);
  }

  public InvalidConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
