package org.iotplatform.flink.devicetype;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.iotplatform.flink.enrichment.EnrichedRecord;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.telemetry.RejectCode;
import org.iotplatform.flink.telemetry.RejectedTelemetry;
import org.jspecify.annotations.Nullable;

/**
 * Checks each number of an enriched reading against the range its device type gives the metric.
 * Every device type is broadcast state (few and small, and needed by every subtask), keyed by
 * {@link DeviceTypeSnapshot#key}; the highest version wins and a tombstone removes the type.
 *
 * <p>Numbers out of range are dropped from the reading, which is stored with the rest of its
 * metrics; the original record goes to the {@link #REJECTED} side output once, naming every
 * offending metric, its value and range, and what was stored (ADR 0014). A reading of a device or
 * device type not known (yet) passes unchecked.
 */
public final class MetricRangeValidator
    extends BroadcastProcessFunction<EnrichedRecord, DeviceTypeUpdate, EnrichedTelemetry> {

  private static final long serialVersionUID = 1L;

  /** The broadcast state: device type key to its ranges. */
  public static final MapStateDescriptor<String, DeviceTypeInfo> TYPES =
      new MapStateDescriptor<>(
          "device-types", Types.STRING, TypeInformation.of(DeviceTypeInfo.class));

  /** Readings with numbers out of range, as they arrived, bound for the dead-letter topic. */
  public static final OutputTag<RejectedTelemetry> REJECTED =
      new OutputTag<>("out-of-range-telemetry", TypeInformation.of(RejectedTelemetry.class));

  private transient Counter rejectedCounter;

  @Override
  public void open(OpenContext openContext) {
    rejectedCounter = getRuntimeContext().getMetricGroup().counter("telemetryOutOfRange");
  }

  @Override
  public void processElement(
      EnrichedRecord reading, ReadOnlyContext context, Collector<EnrichedTelemetry> out)
      throws Exception {
    EnrichedTelemetry telemetry = reading.telemetry();
    @Nullable DeviceTypeInfo type =
        reading.deviceKnown()
            ? context
                .getBroadcastState(TYPES)
                .get(DeviceTypeSnapshot.key(telemetry.tenantId(), telemetry.deviceType()))
            : null;
    if (type == null) {
      out.collect(telemetry);
      return;
    }
    RangeCheck.Result result = RangeCheck.check(telemetry.metrics(), type);
    if (result.violations().isEmpty()) {
      out.collect(telemetry);
      return;
    }
    rejectedCounter.inc();
    int stored = result.kept().size();
    String detail =
        String.join(", ", result.violations())
            + " (device type "
            + telemetry.deviceType()
            + "); "
            + (stored == 0 ? "nothing stored" : "stored the other " + stored + " metric(s)");
    context.output(
        REJECTED, new RejectedTelemetry(reading.record(), RejectCode.METRIC_OUT_OF_RANGE, detail));
    if (stored > 0) {
      out.collect(telemetry.withMetrics(result.kept()));
    }
  }

  @Override
  public void processBroadcastElement(
      DeviceTypeUpdate update, Context context, Collector<EnrichedTelemetry> out) throws Exception {
    BroadcastState<String, DeviceTypeInfo> types = context.getBroadcastState(TYPES);
    DeviceTypeInfo next = update.type();
    if (next == null) {
      types.remove(update.key());
      return;
    }
    DeviceTypeInfo current = types.get(update.key());
    if (current == null || next.version() > current.version()) {
      types.put(update.key(), next);
    }
  }
}
