package org.iotplatform.flink.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.enrichment.Label;
import org.iotplatform.flink.rollup.Rollup;
import org.iotplatform.flink.rollup.RollupKey;
import org.iotplatform.flink.telemetry.Metric;
import org.junit.jupiter.api.Test;

class LineProtocolTest {

  @Test
  void writesTagsFieldsAndMillisecondTimestamp() {
    EnrichedTelemetry telemetry =
        point(
            "acme",
            1_732_280_000_123L,
            List.of(
                Metric.number("temperature", 23.4),
                Metric.number("humidity", 60),
                Metric.bool("door_open", true),
                Metric.string("mode", "eco")));

    assertThat(LineProtocol.point(telemetry))
        .isEqualTo(
            "telemetry,device_id=d-1,device_type=thermo\\ meter,tenant_id=acme"
                + " temperature=23.4,humidity=60.0,door_open=true,mode=\"eco\" 1732280000123");
  }

  @Test
  void escapesCommasEqualsSignsAndSpacesInTagsAndFieldKeys() {
    EnrichedTelemetry telemetry = point("big, corp=x", 1L, List.of(Metric.number("a b,c=d", 1)));

    assertThat(LineProtocol.point(telemetry))
        .isEqualTo(
            "telemetry,device_id=d-1,device_type=thermo\\ meter,tenant_id=big\\,\\ corp\\=x a\\ b\\,c\\=d=1.0 1");
  }

  @Test
  void escapesQuotesAndBackslashesInStringFields() {
    EnrichedTelemetry telemetry =
        point("acme", 1L, List.of(Metric.string("path", "C:\\dir \"x\", y=z")));

    assertThat(LineProtocol.point(telemetry))
        .isEqualTo(
            "telemetry,device_id=d-1,device_type=thermo\\ meter,tenant_id=acme path=\"C:\\\\dir \\\"x\\\", y=z\" 1");
  }

  @Test
  void writesNoLabelsAsTags() {
    EnrichedTelemetry telemetry =
        new EnrichedTelemetry(
            "d-1",
            "acme",
            "unknown",
            List.of(new Label("site", "berlin")),
            1L,
            List.of(Metric.number("t", 1)));

    assertThat(LineProtocol.point(telemetry))
        .isEqualTo("telemetry,device_id=d-1,device_type=unknown,tenant_id=acme t=1.0 1");
  }

  @Test
  void writesARollupAtItsWindowStartWithTheMetricAsTagAndTheCountAsInteger() {
    Rollup rollup =
        new Rollup(
            new RollupKey("d-1", "acme", "thermometer", "temp c"), 60_000L, 60_000L, 1, 3, 2, 3);

    assertThat(LineProtocol.rollup(rollup))
        .isEqualTo(
            "telemetry_rollup,device_id=d-1,device_type=thermometer,metric=temp\\ c,tenant_id=acme"
                + " min=1.0,max=3.0,mean=2.0,count=3i 60000");
  }

  @Test
  void leavesValuesWithoutSpecialCharactersAsTheyAre() {
    assertThat(LineProtocol.escapeTag("plain-value_1.2")).isEqualTo("plain-value_1.2");
    assertThat(LineProtocol.escapeString("plain, text = ok")).isEqualTo("plain, text = ok");
  }

  @Test
  void writesLargeAndSmallNumbersInAFormInfluxDbParses() {
    EnrichedTelemetry telemetry =
        point("acme", 1L, List.of(Metric.number("big", 1e21), Metric.number("small", -1.5e-7)));

    assertThat(LineProtocol.point(telemetry))
        .isEqualTo(
            "telemetry,device_id=d-1,device_type=thermo\\ meter,tenant_id=acme big=1.0E21,small=-1.5E-7 1");
  }

  private static EnrichedTelemetry point(String tenantId, long timestamp, List<Metric> metrics) {
    return new EnrichedTelemetry("d-1", tenantId, "thermo meter", List.of(), timestamp, metrics);
  }
}
