package org.iotplatform.flink.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.Telemetry;
import org.iotplatform.flink.telemetry.TelemetryRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryEnricherTest {

  private static final List<Label> BERLIN = List.of(new Label("site", "berlin"));

  private KeyedTwoInputStreamOperatorTestHarness<String, Telemetry, DeviceUpdate, EnrichedRecord>
      harness;

  @BeforeEach
  void openHarness() throws Exception {
    TelemetryEnricher underTest = new TelemetryEnricher();
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(underTest),
            Telemetry::deviceId,
            DeviceUpdate::deviceId,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  @Test
  void stampsTelemetryWithTheTenantTypeAndLabelsOfItsDeviceSnapshot() throws Exception {
    harness.processElement2(snapshot("d-1", "registry-tenant", "thermometer", 3), 0L);

    harness.processElement1(reading("d-1", 10L), 0L);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            enriched -> {
              assertThat(enriched.telemetry())
                  .isEqualTo(
                      new EnrichedTelemetry(
                          "d-1",
                          "registry-tenant",
                          "thermometer",
                          BERLIN,
                          10L,
                          reading("d-1", 10L).metrics()));
              assertThat(enriched.deviceKnown()).isTrue();
              assertThat(enriched.record().deviceId()).as("the original record").isEqualTo("d-1");
            });
  }

  @Test
  void storesTelemetryOfUnknownDevicesWithTheHeaderTenantAndTypeUnknown() throws Exception {
    harness.processElement2(snapshot("d-2", "registry-tenant", "thermometer", 1), 0L);

    harness.processElement1(reading("d-1", 10L), 0L);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            enriched -> {
              assertThat(enriched.telemetry().tenantId()).isEqualTo("header-tenant");
              assertThat(enriched.telemetry().deviceType())
                  .isEqualTo(InfluxSchema.UNKNOWN_DEVICE_TYPE);
              assertThat(enriched.telemetry().labels()).isEmpty();
              assertThat(enriched.deviceKnown()).isFalse();
            });
  }

  @Test
  void keepsTheSnapshotWithTheHighestVersion() throws Exception {
    harness.processElement2(snapshot("d-1", "acme", "v5-type", 5), 0L);
    harness.processElement2(snapshot("d-1", "acme", "v4-type", 4), 0L);
    harness.processElement2(snapshot("d-1", "acme", "v5-replayed", 5), 0L);

    harness.processElement1(reading("d-1", 10L), 0L);

    assertThat(harness.extractOutputValues())
        .extracting(enriched -> enriched.telemetry().deviceType())
        .containsExactly("v5-type");
  }

  @Test
  void takesANewerSnapshot() throws Exception {
    harness.processElement2(snapshot("d-1", "acme", "old-type", 1), 0L);
    harness.processElement2(snapshot("d-1", "acme", "new-type", 2), 0L);

    harness.processElement1(reading("d-1", 10L), 0L);

    assertThat(harness.extractOutputValues())
        .extracting(enriched -> enriched.telemetry().deviceType())
        .containsExactly("new-type");
  }

  @Test
  void forgetsADeviceOnItsTombstone() throws Exception {
    harness.processElement2(snapshot("d-1", "acme", "thermometer", 1), 0L);
    harness.processElement2(DeviceUpdate.tombstone("d-1"), 0L);

    harness.processElement1(reading("d-1", 10L), 0L);

    assertThat(harness.extractOutputValues())
        .extracting(enriched -> enriched.telemetry().deviceType())
        .containsExactly(InfluxSchema.UNKNOWN_DEVICE_TYPE);
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  @Test
  void keepsTheSnapshotAcrossARestoreFromACheckpoint() throws Exception {
    harness.processElement2(snapshot("d-1", "acme", "thermometer", 1), 0L);
    var checkpoint = harness.snapshot(1L, 1L);
    harness.close();

    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new TelemetryEnricher()),
            Telemetry::deviceId,
            DeviceUpdate::deviceId,
            Types.STRING);
    harness.initializeState(checkpoint);
    harness.open();
    harness.processElement1(reading("d-1", 10L), 0L);

    assertThat(harness.extractOutputValues())
        .extracting(enriched -> enriched.telemetry().deviceType())
        .containsExactly("thermometer");
  }

  private static DeviceUpdate snapshot(String deviceId, String tenant, String type, long version) {
    return DeviceUpdate.snapshot(deviceId, new DeviceInfo(tenant, type, BERLIN, version));
  }

  private static Telemetry reading(String deviceId, long timestamp) {
    return new Telemetry(
        deviceId,
        "header-tenant",
        timestamp,
        List.of(Metric.number("temperature", 21.5)),
        TelemetryRecords.of(deviceId, "{\"metrics\":{\"temperature\":21.5}}"));
  }
}
