package org.iotplatform.sdk.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.iotplatform.sdk.Command;
import org.iotplatform.sdk.CommandHandler;
import org.iotplatform.sdk.CommandResult;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns messages on {@code devices/{id}/commands} into handler calls and their results into
 * response payloads for {@code devices/{id}/commands/response}.
 */
final class CommandDispatcher {

  static final String COMMANDS = "commands";
  static final String RESPONSES = "commands/response";

  private static final Logger LOG = Logger.getLogger(CommandDispatcher.class.getName());
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Map<String, CommandHandler> handlers = new ConcurrentHashMap<>();
  private final Consumer<byte[]> responder;

  /**
   * @param responder publishes a response payload
   */
  CommandDispatcher(Consumer<byte[]> responder) {
    this.responder = responder;
  }

  /** Registers a handler; returns whether it is the first one (the caller then subscribes). */
  boolean register(String name, CommandHandler handler) {
    boolean first = handlers.isEmpty();
    handlers.put(name, handler);
    return first;
  }

  /** Handles one command message and publishes the response. */
  void dispatch(byte[] payload) {
    Command command;
    try {
      command = parse(payload);
    } catch (IllegalArgumentException | JacksonException e) {
      // Without a command id there is nobody to answer; the platform sent something broken.
      LOG.log(Level.WARNING, "ignoring a malformed command: {0}", e.getMessage());
      return;
    }
    CommandHandler handler = handlers.get(command.name());
    CommandResult result;
    if (handler == null) {
      result = CommandResult.rejected("unknown command: " + command.name());
    } else {
      try {
        result = handler.handle(command);
      } catch (Exception e) {
        result = CommandResult.failed(String.valueOf(e.getMessage()));
      }
    }
    responder.accept(response(command.commandId(), result));
  }

  static Command parse(byte[] payload) {
    JsonNode json = JSON.readTree(payload);
    if (!json.isObject()) {
      throw new IllegalArgumentException("a command is a JSON object");
    }
    JsonNode id = json.get("commandId");
    JsonNode name = json.get("name");
    if (id == null || !id.isString() || name == null || !name.isString()) {
      throw new IllegalArgumentException("a command needs the strings commandId and name");
    }
    JsonNode params = json.get("params");
    Map<String, Object> values =
        params == null || params.isNull() ? Map.of() : JSON.convertValue(params, MAP);
    return new Command(id.stringValue(), name.stringValue(), values);
  }

  static byte[] response(String commandId, CommandResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("commandId", commandId);
    json.put("status", result.status().jsonName());
    if (result.message() != null) {
      json.put("message", result.message());
    }
    if (!result.result().isEmpty()) {
      json.put("result", result.result());
    }
    return JSON.writeValueAsBytes(json);
  }
}
