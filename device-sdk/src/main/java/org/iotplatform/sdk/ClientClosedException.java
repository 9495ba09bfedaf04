package org.iotplatform.sdk;

/** The device client was closed before a message could be sent. */
public class ClientClosedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public ClientClosedException(String message) {
    super(message);
  }
}
