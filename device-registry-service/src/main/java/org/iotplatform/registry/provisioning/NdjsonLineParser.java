package org.iotplatform.registry.provisioning;

import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.device.CreateDeviceRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An NDJSON line: one JSON object with the fields of {@code POST /api/v1/devices}. Read through a
 * tree first, so that a line with a wrongly typed field still names its device id in the report.
 */
final class NdjsonLineParser implements LineParser {

  private static final int MAX_DETAIL = 200;

  private final JsonMapper json;

  /**
   * @param json the API's mapper, so that a line reads exactly as the body of a single create
   */
  NdjsonLineParser(JsonMapper json) {
    this.json = json;
  }

  @Override
  public ParsedLine parse(String line) {
    JsonNode tree;
    try {
      tree = json.readTree(line);
    } catch (JacksonException e) {
      return malformed(null, "The line is not JSON: " + detail(e));
    }
    if (tree == null || !tree.isObject()) {
      return malformed(null, "The line is JSON but not an object.");
    }
    JsonNode idNode = tree.get("id");
    String id = idNode != null && idNode.isString() ? idNode.stringValue() : null;
    CreateDeviceRequest device;
    try {
      device = json.treeToValue(tree, CreateDeviceRequest.class);
    } catch (JacksonException e) {
      return malformed(id, "A field has the wrong type: " + detail(e));
    }
    return ParsedLine.of(device);
  }

  private static ParsedLine malformed(@Nullable String id, String problem) {
    return ParsedLine.failed(id, RegistryError.BULK_MALFORMED_LINE, problem);
  }

  private static String detail(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "...";
  }
}
