package org.iotplatform.sdk;

/**
 * A message could not be kept in the offline buffer: the buffer was full and refuses new messages
 * ({@link OfflineBuffer.Overflow#REJECT_NEW}), or the message was the oldest one and made room for
 * a newer one ({@link OfflineBuffer.Overflow#DROP_OLDEST}).
 */
public class OfflineBufferFullException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OfflineBufferFullException(String message) {
    super(message);
  }
}
