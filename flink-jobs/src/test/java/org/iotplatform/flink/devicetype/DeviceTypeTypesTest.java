package org.iotplatform.flink.devicetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The state and wire types of the range check get Flink's POJO serializer, never Kryo. */
class DeviceTypeTypesTest {

  private static final DeviceTypeInfo TYPE =
      new DeviceTypeInfo(
          List.of(
              new MetricBounds("temperature", -40.0, 85.0),
              new MetricBounds("battery", 0.0, null),
              new MetricBounds("pressure", null, 1100.0)),
          4L);

  @Test
  void deviceTypeInfoStateRoundTrips() throws Exception {
    assertThat(roundTrip(DeviceTypeInfo.class, TYPE)).isEqualTo(TYPE);
  }

  @Test
  void deviceTypeUpdatesRoundTripIncludingTombstones() throws Exception {
    DeviceTypeUpdate snapshot = DeviceTypeUpdate.snapshot("acme/thermometer", TYPE);
    DeviceTypeUpdate tombstone = DeviceTypeUpdate.tombstone("acme/thermometer");

    assertThat(roundTrip(DeviceTypeUpdate.class, snapshot)).isEqualTo(snapshot);
    assertThat(roundTrip(DeviceTypeUpdate.class, tombstone)).isEqualTo(tombstone);
  }

  @Test
  void findsBoundsByMetricNameWhateverTheInputOrder() {
    assertThat(TYPE.bounds("battery")).isEqualTo(new MetricBounds("battery", 0.0, null));
    assertThat(TYPE.bounds("temperature")).isEqualTo(new MetricBounds("temperature", -40.0, 85.0));
    assertThat(TYPE.bounds("humidity")).isNull();
  }

  @Test
  void boundsAreInclusiveAndMayBeOpen() {
    MetricBounds closed = new MetricBounds("t", -40.0, 85.0);
    assertThat(closed.contains(-40.0)).isTrue();
    assertThat(closed.contains(85.0)).isTrue();
    assertThat(closed.contains(85.01)).isFalse();
    assertThat(closed.contains(-40.01)).isFalse();
    assertThat(new MetricBounds("t", null, 0.0).contains(-1e300)).isTrue();
    assertThat(new MetricBounds("t", 0.0, null).contains(1e300)).isTrue();
    assertThat(closed.describe()).isEqualTo("[-40.0, 85.0]");
    assertThat(new MetricBounds("t", 0.0, null).describe()).isEqualTo("[0.0, ∞)");
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
