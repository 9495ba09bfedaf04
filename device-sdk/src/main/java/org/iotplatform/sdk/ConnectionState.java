package org.iotplatform.sdk;

/** Where a device client is in its life. */
public enum ConnectionState {
  /** Built, {@link DeviceClient#connect()} not called yet. */
  NEW,
  /** Connecting, or waiting to reconnect. */
  CONNECTING,
  /** Connected; messages flow. */
  CONNECTED,
  /** Closed for good. */
  CLOSED
}
