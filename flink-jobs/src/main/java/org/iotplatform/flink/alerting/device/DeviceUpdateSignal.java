package org.iotplatform.flink.alerting.device;

import org.apache.flink.api.common.functions.MapFunction;
import org.iotplatform.flink.enrichment.DeviceUpdate;

/** A registry snapshot or tombstone as a device signal. */
public final class DeviceUpdateSignal implements MapFunction<DeviceUpdate, DeviceSignal> {

  private static final long serialVersionUID = 1L;

  @Override
  public DeviceSignal map(DeviceUpdate update) {
    return DeviceSignal.of(update);
  }
}
