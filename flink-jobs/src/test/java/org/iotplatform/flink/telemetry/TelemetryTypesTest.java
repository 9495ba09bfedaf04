package org.iotplatform.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The types that travel between operators must get Flink's POJO serializer: Kryo is slow, and with
 * generic types disabled (as in production) it is an error.
 */
class TelemetryTypesTest {

  @Test
  void telemetryRoundTripsThroughItsPojoSerializer() throws Exception {
    Telemetry telemetry =
        new Telemetry(
            "d-1",
            "acme",
            1_732_280_000_123L,
            List.of(
                Metric.number("temperature", 23.4),
                Metric.bool("door_open", true),
                Metric.string("mode", "eco")),
            TelemetryRecords.of("d-1", "{\"metrics\":{\"t\":1}}"));

    Telemetry copy = roundTrip(Telemetry.class, telemetry);

    assertThat(copy).usingRecursiveComparison().isEqualTo(telemetry);
  }

  @Test
  void rejectedTelemetryRoundTripsWithNullKeyValueAndHeaderValues() throws Exception {
    TelemetryRecord record =
        new TelemetryRecord(
            null,
            null,
            List.of(
                new TelemetryRecord.Header("tenant-id", "acme".getBytes(StandardCharsets.UTF_8)),
                new TelemetryRecord.Header("empty", null)),
            -1L);
    RejectedTelemetry rejected =
        new RejectedTelemetry(record, RejectCode.PAYLOAD_MISSING, "record has no value");

    RejectedTelemetry copy = roundTrip(RejectedTelemetry.class, rejected);

    assertThat(copy.code()).isEqualTo(RejectCode.PAYLOAD_MISSING);
    assertThat(copy.detail()).isEqualTo("record has no value");
    assertThat(copy.record().key()).isNull();
    assertThat(copy.record().value()).isNull();
    assertThat(copy.record().tenantId()).isEqualTo("acme");
    assertThat(copy.record().headers())
        .extracting(TelemetryRecord.Header::key)
        .containsExactly("tenant-id", "empty");
    assertThat(copy.record().timestamp()).isEqualTo(-1L);
  }

  @Test
  void telemetryRecordRoundTripsKeyAndValueBytes() throws Exception {
    TelemetryRecord record = TelemetryRecords.of("d-1", "{\"metrics\":{\"t\":1}}");

    TelemetryRecord copy = roundTrip(TelemetryRecord.class, record);

    assertThat(copy.key()).isEqualTo(record.key());
    assertThat(copy.value()).isEqualTo(record.value());
    assertThat(copy.receivedAt()).isEqualTo(TelemetryRecords.RECEIVED_AT);
    assertThat(copy.mqttTopic()).isEqualTo("devices/d-1/telemetry");
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
