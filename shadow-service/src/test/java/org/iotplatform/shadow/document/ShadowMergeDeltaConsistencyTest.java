package org.iotplatform.shadow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.testsupport.TestInstants.ONE_HOUR_LATER;
import static org.iotplatform.testsupport.TestInstants.T0;

import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merge and delta checked against each other on random update sequences (fixed seeds, so a failure
 * replays): the delta only ever holds desired values that reported lacks, and reporting the delta
 * brings the device in sync. The root pom has no property-testing library, hence the loop.
 */
class ShadowMergeDeltaConsistencyTest {

  private static final String[] KEYS = {"a", "b", "c", "d"};
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void reportingTheDeltaBringsTheShadowInSync(long seed) {
    Random random = new Random(seed);
    ShadowDocument underTest = ShadowDocument.empty();
    for (int i = 0; i < 6; i++) {
      String part = random.nextBoolean() ? "desired" : "reported";
      ObjectNode update = MAPPER.createObjectNode();
      update.putObject("state").set(part, randomObject(random, 3));
      underTest = underTest.apply(ShadowUpdate.parse(update.toString()), T0.plusSeconds(i));
    }

    ShadowDelta delta = underTest.delta();
    assertOnlyDesiredValuesReportedLacks(delta.state(), underTest.desired(), underTest.reported());

    ObjectNode report = MAPPER.createObjectNode();
    report.putObject("state").set("reported", delta.state());
    ShadowDocument reported =
        underTest.apply(ShadowUpdate.parse(report.toString()), ONE_HOUR_LATER);

    assertThat(reported.delta().isEmpty()).as("seed %d: %s", seed, reported.toJson()).isTrue();
    assertThat(reported.desired()).isEqualTo(underTest.desired());
    assertHolds(reported.reported(), reported.desired());
  }

  /** Checks, without the delta's code, that every desired value is now reported. */
  private static void assertHolds(ObjectNode reported, ObjectNode desired) {
    for (Map.Entry<String, JsonNode> property : desired.properties()) {
      JsonNode actual = reported.get(property.getKey());
      if (property.getValue().isObject() && actual != null && actual.isObject()) {
        assertHolds((ObjectNode) actual, (ObjectNode) property.getValue());
      } else {
        assertThat(actual).as(property.getKey()).isEqualTo(property.getValue());
      }
    }
  }

  private static void assertOnlyDesiredValuesReportedLacks(
      ObjectNode delta, ObjectNode desired, ObjectNode reported) {
    for (Map.Entry<String, JsonNode> property : delta.properties()) {
      JsonNode wanted = desired.get(property.getKey());
      JsonNode actual = reported.get(property.getKey());
      assertThat(wanted).isNotNull();
      if (property.getValue().isObject() && actual != null && actual.isObject()) {
        assertOnlyDesiredValuesReportedLacks(
            (ObjectNode) property.getValue(), (ObjectNode) wanted, (ObjectNode) actual);
      } else {
        assertThat(property.getValue()).isEqualTo(wanted);
        assertThat(property.getValue()).isNotEqualTo(actual);
      }
    }
  }

  /** Few keys and small values, so that updates collide, delete and nest often. */
  private static ObjectNode randomObject(Random random, int depth) {
    ObjectNode object = MAPPER.createObjectNode();
    int size = 1 + random.nextInt(3);
    for (int i = 0; i < size; i++) {
      String key = KEYS[random.nextInt(KEYS.length)];
      switch (random.nextInt(depth > 1 ? 6 : 5)) {
        case 0 -> object.putNull(key);
        case 1 -> object.put(key, random.nextInt(3));
        case 2 -> object.put(key, random.nextBoolean() ? "x" : "y");
        case 3 -> object.putArray(key).add(random.nextInt(2)).add(random.nextInt(2));
        case 4 -> object.put(key, random.nextBoolean());
        default -> object.set(key, randomObject(random, depth - 1));
      }
    }
    return object;
  }
}
