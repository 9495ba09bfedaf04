package org.iotplatform.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a device answers to a command on {@code devices/{id}/commands/response}: {@code
 * {"commandId":"c-17","status":"succeeded","message":"...","result":{...}}}.
 *
 * @param status how it went
 * @param message a human-readable detail, if any
 * @param result values the command produced (JSON values)
 */
public record CommandResult(Status status, @Nullable String message, Map<String, Object> result) {

  /** How a command went. */
  public enum Status {
    /** Done. */
    SUCCEEDED,
    /** Tried and failed. */
    FAILED,
    /** Not tried: unknown command, bad parameters, or not now. */
    REJECTED;

    /** The name in the response JSON, e.g. {@code succeeded}. */
    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public CommandResult {
    result = Collections.unmodifiableMap(new LinkedHashMap<>(result));
  }

  /** The command was done. */
  public static CommandResult succeeded() {
    return new CommandResult(Status.SUCCEEDED, null, Map.of());
  }

  /** The command was done and produced {@code result}. */
  public static CommandResult succeeded(Map<String, Object> result) {
    return new CommandResult(Status.SUCCEEDED, null, result);
  }

  /** The command failed for {@code reason}. */
  public static CommandResult failed(String reason) {
    return new CommandResult(Status.FAILED, reason, Map.of());
  }

  /** The command was not tried, for {@code reason}. */
  public static CommandResult rejected(String reason) {
    return new CommandResult(Status.REJECTED, reason, Map.of());
  }
}
