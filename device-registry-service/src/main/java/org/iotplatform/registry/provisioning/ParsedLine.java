package org.iotplatform.registry.provisioning;

import org.iotplatform.registry.device.CreateDeviceRequest;
import org.iotplatform.web.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A line read as a device, or why it could not be.
 *
 * @param device the device the line describes, null when it failed
 * @param id the device id the line names, if it could be read
 * @param error why the line failed, null when it did not
 * @param message what was wrong and what to do, null when it did not fail
 */
record ParsedLine(
    @Nullable CreateDeviceRequest device,
    @Nullable String id,
    @Nullable ErrorCode error,
    @Nullable String message) {

  static ParsedLine of(CreateDeviceRequest device) {
    return new ParsedLine(device, device.id(), null, null);
  }

  static ParsedLine failed(@Nullable String id, ErrorCode error, String problem) {
    return new ParsedLine(null, id, error, problem + " " + error.hint());
  }
}
