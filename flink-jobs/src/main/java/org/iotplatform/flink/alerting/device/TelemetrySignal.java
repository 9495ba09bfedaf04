package org.iotplatform.flink.alerting.device;

import org.apache.flink.api.common.functions.MapFunction;
import org.iotplatform.flink.telemetry.Telemetry;

/** A validated reading as a device signal. */
public final class TelemetrySignal implements MapFunction<Telemetry, DeviceSignal> {

  private static final long serialVersionUID = 1L;

  @Override
  public DeviceSignal map(Telemetry telemetry) {
    return DeviceSignal.of(telemetry);
  }
}
