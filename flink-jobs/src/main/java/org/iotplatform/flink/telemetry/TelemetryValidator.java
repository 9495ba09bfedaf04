package org.iotplatform.flink.telemetry;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits valid records as {@link Telemetry} and sends the rest to the {@link #REJECTED} side output,
 * so a malformed message never fails the job.
 */
public final class TelemetryValidator extends ProcessFunction<TelemetryRecord, Telemetry> {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(TelemetryValidator.class);

  /** Records that failed validation, bound for the dead-letter topic. */
  public static final OutputTag<RejectedTelemetry> REJECTED =
      new OutputTag<>("rejected-telemetry", TypeInformation.of(RejectedTelemetry.class));

  private final TimestampLimits limits;
  private transient TelemetryParser parser;
  private transient Counter rejectedCounter;

  /** A validator that limits timestamps only to what InfluxDB can store. */
  public TelemetryValidator() {
    this(TimestampLimits.none());
  }

  /** A validator that also rejects timestamps outside {@code limits}. */
  public TelemetryValidator(TimestampLimits limits) {
    this.limits = limits;
  }

  @Override
  public void open(OpenContext openContext) {
    parser = new TelemetryParser(limits);
    rejectedCounter = getRuntimeContext().getMetricGroup().counter("telemetryRejected");
  }

  @Override
  public void processElement(TelemetryRecord record, Context context, Collector<Telemetry> out) {
    TelemetryParser.Result result = parser.parse(record);
    if (result instanceof TelemetryParser.Valid valid) {
      out.collect(valid.telemetry());
    } else if (result instanceof TelemetryParser.Invalid invalid) {
      rejectedCounter.inc();
      // Debug only: a misbehaving fleet would flood the log; the dead-letter topic has them all.
      LOG.debug("Rejected telemetry of {}: {}", record.deviceId(), invalid.detail());
      context.output(REJECTED, new RejectedTelemetry(record, invalid.code(), invalid.detail()));
    }
  }
}
