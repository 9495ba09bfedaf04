package org.iotplatform.flink.devicetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.flink.enrichment.EnrichedRecord;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.RejectCode;
import org.iotplatform.flink.telemetry.RejectedTelemetry;
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.iotplatform.flink.telemetry.TelemetryRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricRangeValidatorTest {

  private static final String THERMOMETER = "acme/thermometer";

  private BroadcastOperatorTestHarness<EnrichedRecord, DeviceTypeUpdate, EnrichedTelemetry> harness;

  @BeforeEach
  void openHarness() throws Exception {
    MetricRangeValidator underTest = new MetricRangeValidator();
    harness =
        ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
            underTest, MetricRangeValidator.TYPES);
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  @Test
  void passesAReadingWithinItsTypesRanges() throws Exception {
    harness.processBroadcastElement(thermometer(1, -40.0, 85.0), 0L);

    EnrichedRecord reading = reading("acme", "thermometer", Metric.number("temperature", 85.0));
    harness.processElement(reading, 0L);

    assertThat(harness.extractOutputValues()).containsExactly(reading.telemetry());
    assertThat(rejected()).isEmpty();
  }

  @Test
  void dropsANumberAboveItsMaxAndStoresTheOtherMetrics() throws Exception {
    harness.processBroadcastElement(thermometer(1, -40.0, 85.0), 0L);

    EnrichedRecord reading =
        reading(
            "acme",
            "thermometer",
            Metric.number("temperature", 120.0),
            Metric.number("humidity", 60.0),
            Metric.bool("door_open", true));
    harness.processElement(reading, 0L);

    assertThat(harness.extractOutputValues())
        .containsExactly(
            reading
                .telemetry()
                .withMetrics(
                    List.of(Metric.number("humidity", 60.0), Metric.bool("door_open", true))));
    assertThat(rejected())
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.code()).isEqualTo(RejectCode.METRIC_OUT_OF_RANGE);
              assertThat(rejected.record())
                  .as("the original record")
                  .usingRecursiveComparison()
                  .isEqualTo(reading.record());
              assertThat(rejected.reason())
                  .isEqualTo(
                      "metric.out-of-range: temperature=120.0 not in [-40.0, 85.0]"
                          + " (device type thermometer); stored the other 2 metric(s)");
            });
  }

  @Test
  void dropsAReadingWhoseOnlyNumberIsBelowItsMin() throws Exception {
    harness.processBroadcastElement(thermometer(1, -40.0, 85.0), 0L);

    harness.processElement(reading("acme", "thermometer", Metric.number("temperature", -40.5)), 0L);

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(rejected())
        .extracting(RejectedTelemetry::detail)
        .containsExactly(
            "temperature=-40.5 not in [-40.0, 85.0] (device type thermometer); nothing stored");
  }

  @Test
  void checksNothingForATypeNotKnownYetOrOfAnotherTenant() throws Exception {
    harness.processBroadcastElement(thermometer(1, -40.0, 85.0), 0L);

    EnrichedRecord otherType = reading("acme", "meter", Metric.number("temperature", 500.0));
    EnrichedRecord otherTenant =
        reading("globex", "thermometer", Metric.number("temperature", 500.0));
    harness.processElement(otherType, 0L);
    harness.processElement(otherTenant, 0L);

    assertThat(harness.extractOutputValues())
        .containsExactly(otherType.telemetry(), otherTenant.telemetry());
    assertThat(rejected()).isEmpty();
  }

  @Test
  void checksNothingForAnUnknownDeviceEvenIfATypeIsNamedUnknown() throws Exception {
    harness.processBroadcastElement(
        DeviceTypeUpdate.snapshot(
            "acme/" + InfluxSchema.UNKNOWN_DEVICE_TYPE,
            new DeviceTypeInfo(List.of(new MetricBounds("temperature", 0.0, 1.0)), 1)),
        0L);

    EnrichedRecord unknownDevice =
        new EnrichedRecord(
            telemetry("acme", InfluxSchema.UNKNOWN_DEVICE_TYPE, Metric.number("temperature", 9.0)),
            record(),
            false);
    harness.processElement(unknownDevice, 0L);

    assertThat(harness.extractOutputValues()).containsExactly(unknownDevice.telemetry());
  }

  @Test
  void checksStringsAndBooleansAndUnboundedMetricsNot() throws Exception {
    harness.processBroadcastElement(
        DeviceTypeUpdate.snapshot(
            THERMOMETER,
            new DeviceTypeInfo(
                List.of(new MetricBounds("mode", 0.0, 1.0), new MetricBounds("on", 0.0, 0.0)), 1)),
        0L);

    EnrichedRecord reading =
        reading(
            "acme",
            "thermometer",
            Metric.string("mode", "eco"),
            Metric.bool("on", true),
            Metric.number("pressure", 1e9));
    harness.processElement(reading, 0L);

    assertThat(harness.extractOutputValues()).containsExactly(reading.telemetry());
  }

  @Test
  void appliesATypeUpdatedLaterAndIgnoresAnOlderVersion() throws Exception {
    harness.processBroadcastElement(thermometer(1, -40.0, 85.0), 0L);
    harness.processElement(reading("acme", "thermometer", Metric.number("temperature", 70.0)), 0L);

    harness.processBroadcastElement(thermometer(2, -40.0, 60.0), 0L);
    harness.processBroadcastElement(thermometer(1, -40.0, 85.0), 0L); // a replay of the old one
    harness.processElement(reading("acme", "thermometer", Metric.number("temperature", 70.0)), 0L);

    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(rejected())
        .extracting(RejectedTelemetry::detail)
        .singleElement()
        .asString()
        .startsWith("temperature=70.0 not in [-40.0, 60.0]");
  }

  @Test
  void checksNothingOnceTheTypeIsDeleted() throws Exception {
    harness.processBroadcastElement(thermometer(1, -40.0, 85.0), 0L);
    harness.processBroadcastElement(DeviceTypeUpdate.tombstone(THERMOMETER), 0L);

    EnrichedRecord reading = reading("acme", "thermometer", Metric.number("temperature", 500.0));
    harness.processElement(reading, 0L);

    assertThat(harness.extractOutputValues()).containsExactly(reading.telemetry());
    assertThat(rejected()).isEmpty();
  }

  @Test
  void namesEveryOffendingMetricInOneDeadLetter() throws Exception {
    harness.processBroadcastElement(
        DeviceTypeUpdate.snapshot(
            THERMOMETER,
            new DeviceTypeInfo(
                List.of(
                    new MetricBounds("temperature", -40.0, 85.0),
                    new MetricBounds("humidity", 0.0, 100.0)),
                1)),
        0L);

    harness.processElement(
        reading(
            "acme",
            "thermometer",
            Metric.number("temperature", 90.0),
            Metric.number("humidity", -1.0)),
        0L);

    assertThat(rejected())
        .extracting(RejectedTelemetry::detail)
        .containsExactly(
            "temperature=90.0 not in [-40.0, 85.0], humidity=-1.0 not in [0.0, 100.0]"
                + " (device type thermometer); nothing stored");
  }

  private List<RejectedTelemetry> rejected() {
    var side = harness.getSideOutput(MetricRangeValidator.REJECTED);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  private static DeviceTypeUpdate thermometer(long version, double min, double max) {
    return DeviceTypeUpdate.snapshot(
        THERMOMETER,
        new DeviceTypeInfo(List.of(new MetricBounds("temperature", min, max)), version));
  }

  private static EnrichedRecord reading(String tenant, String type, Metric... metrics) {
    return new EnrichedRecord(telemetry(tenant, type, metrics), record(), true);
  }

  private static EnrichedTelemetry telemetry(String tenant, String type, Metric... metrics) {
    return new EnrichedTelemetry("d-1", tenant, type, List.of(), 1_000L, List.of(metrics));
  }

  private static TelemetryRecord record() {
    return TelemetryRecords.of("d-1", "{\"metrics\":{}}");
  }
}
