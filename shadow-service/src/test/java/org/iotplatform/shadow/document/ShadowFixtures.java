package org.iotplatform.shadow.document;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON written with single quotes, so that the tests stay readable. */
final class ShadowFixtures {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ShadowFixtures() {}

  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static ObjectNode object(String singleQuoted) {
    return (ObjectNode) tree(singleQuoted);
  }

  static JsonNode tree(String singleQuoted) {
    return MAPPER.readTree(json(singleQuoted));
  }

  static ShadowUpdate update(String singleQuoted) {
    return ShadowUpdate.parse(json(singleQuoted));
  }

  static ObjectNode stamp(Instant at) {
    return object("{'timestamp':" + at.getEpochSecond() + "}");
  }
}
