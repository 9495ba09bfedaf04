package org.iotplatform.registry.device;

import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.registry.http.Cursors;

/** Where the next page of a device search starts: after the last id of the previous page. */
record DeviceCursor(String afterId) {

  private static final String FORMAT = "1";

  DeviceCursor {
    if (!DeviceTopic.isValidDeviceId(afterId)) {
      throw new IllegalArgumentException("invalid device id: " + afterId);
    }
  }

  String encode() {
    return Cursors.encode(FORMAT, afterId);
  }

  /** Decodes a cursor from {@link #encode()}; anything else is 400 {@code page.invalid-cursor}. */
  static DeviceCursor decode(String cursor) {
    return new DeviceCursor(Cursors.decode(FORMAT, cursor, DeviceTopic::isValidDeviceId));
  }
}
