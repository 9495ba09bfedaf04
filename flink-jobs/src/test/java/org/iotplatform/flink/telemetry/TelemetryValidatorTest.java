package org.iotplatform.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryValidatorTest {

  private OneInputStreamOperatorTestHarness<TelemetryRecord, Telemetry> harness;

  @BeforeEach
  void openHarness() throws Exception {
    TelemetryValidator underTest = new TelemetryValidator();
    harness = ProcessFunctionTestHarnesses.forProcessFunction(underTest);
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  @Test
  void emitsValidTelemetryAndRoutesMalformedRecordsToTheSideOutput() throws Exception {
    TelemetryRecord good = TelemetryRecords.of("d-1", "{\"ts\":5,\"metrics\":{\"t\":1.5}}");
    TelemetryRecord bad = TelemetryRecords.of("d-2", "{\"metrics\":");

    harness.processElement(good, 0L);
    harness.processElement(bad, 0L);

    // The harness copies elements, so the original record is compared by content.
    assertThat(harness.extractOutputValues())
        .singleElement()
        .usingRecursiveComparison()
        .isEqualTo(
            new Telemetry(
                "d-1", TelemetryRecords.TENANT, 5L, List.of(Metric.number("t", 1.5)), good));
    assertThat(harness.getSideOutput(TelemetryValidator.REJECTED))
        .extracting(StreamRecord::getValue)
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.record().deviceId()).isEqualTo("d-2");
              assertThat(rejected.record().value()).isEqualTo(bad.value());
              assertThat(rejected.code()).isEqualTo(RejectCode.PAYLOAD_MALFORMED_JSON);
            });
  }
}
