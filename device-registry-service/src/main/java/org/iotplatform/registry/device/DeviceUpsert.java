package org.iotplatform.registry.device;

import org.iotplatform.web.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * What {@link DeviceBatchManagement#upsert} did with one device.
 *
 * @param result created, updated, unchanged or failed
 * @param error why it failed (a catalogue entry), null unless failed
 * @param message what was wrong and what to do, null unless failed
 */
public record DeviceUpsert(Result result, @Nullable ErrorCode error, @Nullable String message) {

  /** The outcome for one device. */
  public enum Result {
    CREATED,
    UPDATED,
    UNCHANGED,
    FAILED
  }

  static final DeviceUpsert CREATED = new DeviceUpsert(Result.CREATED, null, null);
  static final DeviceUpsert UPDATED = new DeviceUpsert(Result.UPDATED, null, null);
  static final DeviceUpsert UNCHANGED = new DeviceUpsert(Result.UNCHANGED, null, null);

  static DeviceUpsert failed(ErrorCode error, String message) {
    return new DeviceUpsert(Result.FAILED, error, message);
  }
}
