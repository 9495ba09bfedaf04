package org.iotplatform.flink.enrichment;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.iotplatform.flink.telemetry.Telemetry;

/**
 * Stamps telemetry with its device's latest snapshot. Both inputs are keyed by device id; the
 * snapshot is keyed state, so it is checkpointed and rescaled with the telemetry of its device.
 *
 * <p>The highest snapshot version wins, because {@code iot.devices.v1} is delivered at least once
 * and a replayed older snapshot must not undo a newer one; a tombstone clears the state. Telemetry
 * of a device without a snapshot is not held back or dropped: it is emitted with the tenant of its
 * record header and the type {@code unknown} (see ADR 0012). Each reading leaves with its original
 * record for the range check that follows.
 */
public final class TelemetryEnricher
    extends KeyedCoProcessFunction<String, Telemetry, DeviceUpdate, EnrichedRecord> {

  private static final long serialVersionUID = 1L;

  /** The keyed state: the device's latest snapshot. */
  static final ValueStateDescriptor<DeviceInfo> DEVICE =
      new ValueStateDescriptor<>("device", TypeInformation.of(DeviceInfo.class));

  private transient ValueState<DeviceInfo> device;

  @Override
  public void open(OpenContext openContext) {
    device = getRuntimeContext().getState(DEVICE);
  }

  @Override
  public void processElement1(Telemetry telemetry, Context context, Collector<EnrichedRecord> out)
      throws Exception {
    DeviceInfo known = device.value();
    out.collect(
        known == null
            ? new EnrichedRecord(
                EnrichedTelemetry.ofUnknownDevice(telemetry), telemetry.record(), false)
            : new EnrichedRecord(EnrichedTelemetry.of(telemetry, known), telemetry.record(), true));
  }

  @Override
  public void processElement2(DeviceUpdate update, Context context, Collector<EnrichedRecord> out)
      throws Exception {
    DeviceInfo next = update.device();
    if (next == null) {
      device.clear();
      return;
    }
    DeviceInfo current = device.value();
    if (current == null || next.version() > current.version()) {
      device.update(next);
    }
  }
}
