package org.iotplatform.flink.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Window state, keys and wire types of rollups get Flink's POJO serializer, never Kryo. */
class RollupTypesTest {

  private static final RollupKey KEY = new RollupKey("d-1", "acme", "thermometer", "temperature");

  @Test
  void emptyAndFilledAccumulatorsRoundTrip() throws Exception {
    RollupAccumulator filled = RollupAccumulator.EMPTY.add(3).add(-1.5);

    assertThat(roundTrip(RollupAccumulator.class, RollupAccumulator.EMPTY))
        .isEqualTo(RollupAccumulator.EMPTY);
    assertThat(roundTrip(RollupAccumulator.class, filled)).isEqualTo(filled);
  }

  @Test
  void keysValuesAndRollupsRoundTrip() throws Exception {
    MetricValue value = new MetricValue(KEY, 1_000L, 21.5);
    Rollup rollup = new Rollup(KEY, 60_000L, 60_000L, 1, 3, 2, 3);

    assertThat(roundTrip(RollupKey.class, KEY)).isEqualTo(KEY);
    assertThat(roundTrip(MetricValue.class, value)).isEqualTo(value);
    assertThat(roundTrip(Rollup.class, rollup)).isEqualTo(rollup);
  }

  @Test
  void keysAreEqualOnlyWhenEveryComponentIs() {
    RollupKey same = new RollupKey("d-1", "acme", "thermometer", "temperature");

    assertThat(same).isEqualTo(KEY).hasSameHashCodeAs(KEY);
    assertThat(KEY)
        .isNotEqualTo(new RollupKey("d-2", "acme", "thermometer", "temperature"))
        .isNotEqualTo(new RollupKey("d-1", "other", "thermometer", "temperature"))
        .isNotEqualTo(new RollupKey("d-1", "acme", "unknown", "temperature"))
        .isNotEqualTo(new RollupKey("d-1", "acme", "thermometer", "humidity"))
        .isNotEqualTo("d-1");
  }

  @Test
  void accumulatorKeepsMinMaxSumAndCount() {
    RollupAccumulator underTest = RollupAccumulator.EMPTY.add(4).add(-2).add(7);

    assertThat(underTest).isEqualTo(new RollupAccumulator(-2, 7, 9, 3));
    assertThat(underTest.mean()).isEqualTo(3);
    assertThat(underTest.merge(RollupAccumulator.EMPTY.add(10)))
        .isEqualTo(new RollupAccumulator(-2, 10, 19, 4));
  }

  private static <T> T roundTrip(Class<T> type, T value) throws Exception {
    TypeInformation<T> typeInfo = TypeInformation.of(type);
    assertThat(typeInfo).isInstanceOf(PojoTypeInfo.class);
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    TypeSerializer<T> serializer = typeInfo.createSerializer(config);
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
