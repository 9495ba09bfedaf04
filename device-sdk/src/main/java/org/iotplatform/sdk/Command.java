package org.iotplatform.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command sent to the device on {@code devices/{id}/commands}, e.g. {@code
 * {"commandId":"c-17","name":"reboot","params":{"delay":5}}}.
 *
 * @param commandId the id the response must carry
 * @param name what to do
 * @param params the command's parameters as JSON values (maps, lists, strings, numbers, booleans)
 */
public record Command(String commandId, String name, Map<String, Object> params) {

  public Command {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
