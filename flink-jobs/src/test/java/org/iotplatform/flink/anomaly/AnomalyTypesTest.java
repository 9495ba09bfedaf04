package org.iotplatform.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The state and wire types round-trip through their serializers (POJO, never Kryo; the forest's
 * own), and one device's state stays within the bound the README states.
 */
class AnomalyTypesTest {

  // The README's figures: a device's forest at the default options, over 2 and over 8 metrics.
  private static final int MAX_FOREST_BYTES_2_METRICS = 32 * 1024;
  private static final int MAX_FOREST_BYTES_8_METRICS = 64 * 1024;
  private static final int MAX_BASELINE_BYTES_16_METRICS = 1024;

  @Test
  void deviceBaselineRoundTripsThroughFlinksPojoSerializer() throws Exception {
    DeviceBaseline baseline =
        new DeviceBaseline(
            List.of(new MetricBaseline("t", 31, 20.5, 0.25), new MetricBaseline("h", 2, 60, 4)));

    assertThat(roundTrip(pojoSerializer(DeviceBaseline.class), baseline)).isEqualTo(baseline);
  }

  @Test
  void anomalyScoreRoundTripsThroughFlinksPojoSerializer() throws Exception {
    TypeSerializer<AnomalyScore> serializer = pojoSerializer(AnomalyScore.class);
    AnomalyScore warm = new AnomalyScore("d-1", "acme", 10, 12, 0.9, 0.5, 0.9);
    AnomalyScore cold = new AnomalyScore("d-1", "acme", 10, 12, 0.5, 0.5, null);

    assertThat(roundTrip(serializer, warm)).isEqualTo(warm);
    assertThat(roundTrip(serializer, cold)).isEqualTo(cold);
  }

  @Test
  void deviceForestRoundTripsThroughItsSerializerAndScoresAlike() throws Exception {
    DeviceForestSerializer underTest = new DeviceForestSerializer();
    DeviceForest forest = trainedForest(List.of("humidity", "temperature"));

    DeviceForest copy = roundTrip(underTest, forest);

    assertThat(copy.dimensions()).containsExactly("humidity", "temperature");
    assertThat(copy.forest().getTotalUpdates()).isEqualTo(forest.forest().getTotalUpdates());
    float[] usual = {0.5f, -0.5f};
    float[] unusual = {6f, -6f};
    // Trees are rebuilt from the saved samples, so scores match closely, not bit for bit.
    assertThat(copy.forest().getAnomalyScore(usual))
        .isCloseTo(forest.forest().getAnomalyScore(usual), within(0.3));
    assertThat(copy.forest().getAnomalyScore(unusual))
        .isCloseTo(forest.forest().getAnomalyScore(unusual), within(0.5));
    assertThat(underTest.copy(forest).dimensions()).isEqualTo(forest.dimensions());
  }

  @Test
  void deviceForestSerializerSnapshotRestoresTheSameSerializer() throws Exception {
    TypeSerializerSnapshot<DeviceForest> snapshot =
        new DeviceForestSerializer().snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);

    TypeSerializerSnapshot<DeviceForest> restored =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(restored.restoreSerializer()).isEqualTo(new DeviceForestSerializer());
    assertThat(
            new DeviceForestSerializer()
                .snapshotConfiguration()
                .resolveSchemaCompatibility(restored)
                .isCompatibleAsIs())
        .isTrue();
  }

  @Test
  void oneDevicesStateAfterWarmUpStaysWithinTheStatedBound() throws Exception {
    int two = serializedSize(new DeviceForestSerializer(), trainedForest(names(2)));
    int eight = serializedSize(new DeviceForestSerializer(), trainedForest(names(8)));
    DeviceBaseline baseline = DeviceBaseline.empty();
    for (String name : names(16)) {
      baseline = baseline.with(new MetricBaseline(name, 1000, 20, 1));
    }
    int baselineBytes = serializedSize(pojoSerializer(DeviceBaseline.class), baseline);
    System.out.printf(
        "Anomaly state of one device: forest over 2 metrics %d bytes, over 8 metrics %d bytes;"
            + " baselines of 16 metrics %d bytes%n",
        two, eight, baselineBytes);

    assertThat(two).isLessThan(MAX_FOREST_BYTES_2_METRICS);
    assertThat(eight).isLessThan(MAX_FOREST_BYTES_8_METRICS);
    assertThat(baselineBytes).isLessThan(MAX_BASELINE_BYTES_16_METRICS);
  }

  /** A default forest after far more points than its sample holds, so it is as full as it gets. */
  private static DeviceForest trainedForest(List<String> dimensions) {
    DeviceForest forest =
        DeviceForest.create(dimensions, AnomalyOptions.ForestOptions.defaults(), 42);
    Random random = new Random(7);
    for (int i = 0; i < 5000; i++) {
      Map<String, Double> deviations = new LinkedHashMap<>();
      for (String dimension : dimensions) {
        deviations.put(dimension, random.nextGaussian());
      }
      forest.scoreAndUpdate(deviations);
    }
    return forest;
  }

  private static List<String> names(int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> "metric_" + i).toList();
  }

  private static <T> TypeSerializer<T> pojoSerializer(Class<T> type) {
    TypeInformation<T> typeInfo = TypeInformation.of(type);
    assertThat(typeInfo).isInstanceOf(PojoTypeInfo.class);
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    return typeInfo.createSerializer(config);
  }

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  private static <T> int serializedSize(TypeSerializer<T> serializer, T value) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    return out.length();
  }
}
