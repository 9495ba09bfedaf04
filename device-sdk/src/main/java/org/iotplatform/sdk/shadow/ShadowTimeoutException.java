package org.iotplatform.sdk.shadow;

/** A shadow request got no answer, after every attempt {@link ShadowRetry} allows. */
public class ShadowTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ShadowTimeoutException(String message) {
    super(message);
  }
}
