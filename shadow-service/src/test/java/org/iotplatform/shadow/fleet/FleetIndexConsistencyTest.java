package org.iotplatform.shadow.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.shadow.fleet.FleetFixtures.TENANT;
import static org.iotplatform.testsupport.TestInstants.T0;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.iotplatform.shadow.document.ShadowDocument;
import org.iotplatform.shadow.document.ShadowUpdate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The index against the documents on random update sequences (fixed seeds, so a failure replays):
 * an index kept up to date only through {@link ShadowIndex#changes} answers every single-term query
 * over a small key space, and random pairs of them, exactly as the query's meaning read directly on
 * the documents (written here without the index's or the delta's code).
 */
class FleetIndexConsistencyTest {

  private static final String[] KEYS = {"a", "b", "c"};
  private static final String[] LITERALS = {"0", "1", "2", "'x'", "'y'", "true", "false"};
  private static final int SHADOWS = 4;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** A query and what it means, read on a document. */
  private record Case(String query, Predicate<ShadowDocument> meaning) {}

  static LongStream seeds() {
    return LongStream.range(0, 100);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void indexAnswersAsTheDocumentsDo(long seed) {
    Random random = new Random(seed);
    ShadowIndex underTest = new ShadowIndex();
    Map<String, Set<String>> index = new HashMap<>();
    Map<String, ShadowDocument> shadows = new HashMap<>();
    for (int step = 0; step < 5 * SHADOWS; step++) {
      String member = "dev-" + random.nextInt(SHADOWS);
      ShadowDocument before = shadows.getOrDefault(member, ShadowDocument.empty());
      ShadowDocument after =
          random.nextInt(12) == 0 ? ShadowDocument.empty() : randomUpdate(random, before, step);
      apply(index, member, underTest.changes(TENANT, before, after));
      shadows.put(member, after);
    }

    List<Case> cases = cases();
    int terms = cases.size();
    for (int i = 0; i < 20; i++) {
      // cases.get(0) is the empty query, which is no term to join.
      Case left = cases.get(1 + random.nextInt(terms - 1));
      Case right = cases.get(1 + random.nextInt(terms - 1));
      cases.add(
          new Case(left.query() + " AND " + right.query(), left.meaning().and(right.meaning())));
    }
    for (Case query : cases) {
      Membership membership = FleetQuery.parse(query.query()).membership(TENANT);
      for (Map.Entry<String, ShadowDocument> shadow : shadows.entrySet()) {
        boolean exists = shadow.getValue().version() > 0;
        assertThat(matches(index, membership, shadow.getKey()))
            .as("seed %d, %s on %s", seed, query.query(), shadow.getValue().toJson())
            .isEqualTo(exists && query.meaning().test(shadow.getValue()));
      }
    }
  }

  private static void apply(Map<String, Set<String>> index, String member, IndexChanges changes) {
    changes.removedKeys().forEach(key -> index.getOrDefault(key, Set.of()).remove(member));
    changes
        .addedKeys()
        .forEach(key -> index.computeIfAbsent(key, k -> new HashSet<>()).add(member));
  }

  private static boolean matches(
      Map<String, Set<String>> index, Membership membership, String member) {
    return membership.in().stream()
            .allMatch(key -> index.getOrDefault(key, Set.of()).contains(member))
        && membership.notIn().stream()
            .noneMatch(key -> index.getOrDefault(key, Set.of()).contains(member));
  }

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("", shadow -> true));
    cases.add(new Case("exists(delta)", shadow -> !shadow.delta().isEmpty()));
    List<List<String>> paths = new ArrayList<>();
    for (String first : KEYS) {
      paths.add(List.of(first));
      for (String second : KEYS) {
        paths.add(List.of(first, second));
      }
    }
    for (List<String> path : paths) {
      String dotted = String.join(".", path);
      for (String section : List.of("desired", "reported")) {
        cases.add(
            new Case(
                "exists(" + section + "." + dotted + ")",
                shadow -> isValue(at(section(shadow, section), path))));
        for (String literal : LITERALS) {
          JsonNode value = MAPPER.readTree(literal.replace('\'', '"'));
          cases.add(
              new Case(
                  section + "." + dotted + " = " + literal,
                  shadow -> isScalarEqual(at(section(shadow, section), path), value)));
          cases.add(
              new Case(
                  section + "." + dotted + " != " + literal,
                  shadow -> {
                    JsonNode node = at(section(shadow, section), path);
                    return isValue(node) && !isScalarEqual(node, value);
                  }));
        }
      }
      cases.add(
          new Case(
              "reported." + dotted + " != desired." + dotted,
              shadow -> {
                JsonNode wanted = at(shadow.desired(), path);
                JsonNode actual = at(shadow.reported(), path);
                return isValue(wanted) && (actual == null || !same(wanted, actual));
              }));
      cases.add(
          new Case(
              "desired." + dotted + " = reported." + dotted,
              shadow -> {
                JsonNode wanted = at(shadow.desired(), path);
                JsonNode actual = at(shadow.reported(), path);
                return isValue(wanted) && actual != null && same(wanted, actual);
              }));
      cases.add(
          new Case(
              "exists(delta." + dotted + ")",
              shadow -> {
                JsonNode wanted = at(shadow.desired(), path);
                JsonNode actual = at(shadow.reported(), path);
                return isValue(wanted) && (actual == null || !same(wanted, actual));
              }));
    }
    return cases;
  }

  private static ObjectNode section(ShadowDocument shadow, String section) {
    return section.equals("desired") ? shadow.desired() : shadow.reported();
  }

  private static @Nullable JsonNode at(JsonNode root, List<String> path) {
    JsonNode node = root;
    for (String key : path) {
      if (!node.isObject() || node.get(key) == null) {
        return null;
      }
      node = node.get(key);
    }
    return node;
  }

  private static boolean isValue(@Nullable JsonNode node) {
    return node != null && !node.isNull() && !node.isObject();
  }

  private static boolean isScalarEqual(@Nullable JsonNode node, JsonNode value) {
    return isValue(node) && !node.isArray() && same(node, value);
  }

  /** Numbers by value, arrays element by element, the rest as Jackson compares it. */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static ShadowDocument randomUpdate(Random random, ShadowDocument shadow, int step) {
    ObjectNode update = MAPPER.createObjectNode();
    ObjectNode state = update.putObject("state");
    state.set(random.nextBoolean() ? "desired" : "reported", randomObject(random, 2));
    if (random.nextInt(3) == 0) {
      state.set("reported", randomObject(random, 2));
    }
    return shadow.apply(ShadowUpdate.parse(update.toString()), T0.plusSeconds(step));
  }

  /** Few keys and small values, so that updates collide, delete, nest and agree often. */
  private static ObjectNode randomObject(Random random, int depth) {
    ObjectNode object = MAPPER.createObjectNode();
    int size = 1 + random.nextInt(3);
    for (int i = 0; i < size; i++) {
      String key = KEYS[random.nextInt(KEYS.length)];
      switch (random.nextInt(depth > 1 ? 8 : 7)) {
        case 0 -> object.putNull(key);
        case 1 -> object.put(key, random.nextInt(3));
        case 2 -> object.put(key, random.nextInt(3) + 0.0);
        case 3 -> object.put(key, random.nextBoolean() ? "x" : "y");
        case 4 -> object.putArray(key).add(random.nextInt(2));
        case 5 -> object.put(key, random.nextBoolean());
        case 6 -> object.put(key, "1");
        default -> object.set(key, randomObject(random, depth - 1));
      }
    }
    return object;
  }
}
