package org.iotplatform.flink.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.iotplatform.flink.telemetry.TelemetryRecords;
import org.junit.jupiter.api.Test;

/** The state and wire types of enrichment get Flink's POJO serializer, never Kryo. */
class EnrichmentTypesTest {

  private static final DeviceInfo DEVICE =
      new DeviceInfo(
          "acme", "thermometer", List.of(new Label("floor", "2"), new Label("site", "b")), 7L);

  @Test
  void deviceInfoStateRoundTrips() throws Exception {
    assertThat(roundTrip(DeviceInfo.class, DEVICE)).isEqualTo(DEVICE);
  }

  @Test
  void deviceUpdatesRoundTripIncludingTombstones() throws Exception {
    DeviceUpdate snapshot = DeviceUpdate.snapshot("d-1", DEVICE);
    DeviceUpdate tombstone = DeviceUpdate.tombstone("d-1");

    assertThat(roundTrip(DeviceUpdate.class, snapshot)).isEqualTo(snapshot);
    assertThat(roundTrip(DeviceUpdate.class, tombstone)).isEqualTo(tombstone);
  }

  @Test
  void enrichedTelemetryRoundTrips() throws Exception {
    EnrichedTelemetry telemetry =
        new EnrichedTelemetry(
            "d-1",
            "acme",
            "thermometer",
            DEVICE.labels(),
            1_732_280_000_123L,
            List.of(Metric.number("t", 1.5), Metric.bool("on", true), Metric.string("m", "x")));

    assertThat(roundTrip(EnrichedTelemetry.class, telemetry)).isEqualTo(telemetry);
  }

  @Test
  void enrichedRecordRoundTripsWithItsOriginalRecord() throws Exception {
    TelemetryRecord original = TelemetryRecords.of("d-1", "{\"metrics\":{\"t\":1.5}}");
    EnrichedRecord record =
        new EnrichedRecord(
            new EnrichedTelemetry(
                "d-1",
                "acme",
                "thermometer",
                DEVICE.labels(),
                5L,
                List.of(Metric.number("t", 1.5))),
            original,
            true);

    assertThat(roundTrip(EnrichedRecord.class, record))
        .usingRecursiveComparison()
        .isEqualTo(record);
  }

  private static <T> T roundTrip(Class<T> type, T value) throws Exception {
    TypeInformation<T> typeInfo = TypeInformation.of(type);
    assertThat(typeInfo).isInstanceOf(PojoTypeInfo.class);
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false); // fails serializer creation if any nested type needs Kryo
    TypeSerializer<T> serializer = typeInfo.createSerializer(config);
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
