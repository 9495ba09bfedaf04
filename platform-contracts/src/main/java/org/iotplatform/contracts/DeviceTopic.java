package org.iotplatform.contracts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An MQTT topic below {@code devices/{id}/}, split into the device id and the rest.
 *
 * @param deviceId the device id, matching {@link #DEVICE_ID}
 * @param subtopic what follows {@code devices/{id}/}, for example {@code telemetry} or {@code
 *     shadow/update}
 */
public record DeviceTopic(String deviceId, String subtopic) {

  /** What a device id may look like: 1 to 64 of letters, digits, dot, underscore and dash. */
  public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The first level of every device topic. */
  public static final String ROOT = "devices";

  public static final String TELEMETRY = "telemetry";
  public static final String STATUS = "status";
  public static final String COMMANDS = "commands";

  public DeviceTopic {
    if (!isValidDeviceId(deviceId)) {
      throw new IllegalArgumentException("invalid device id: " + deviceId);
    }
    if (subtopic.isEmpty()) {
      throw new IllegalArgumentException("empty subtopic");
    }
  }

  /** Whether {@code id} is a valid device id. */
  public static boolean isValidDeviceId(String id) {
    return DEVICE_ID.matcher(id).matches();
  }

  /** {@code devices/{deviceId}/telemetry}. */
  public static DeviceTopic telemetry(String deviceId) {
    return new DeviceTopic(deviceId, TELEMETRY);
  }

  /**
   * Parses a concrete topic name (no wildcards). Empty when the topic is not below {@code
   * devices/{valid id}/}.
   */
  public static Optional<DeviceTopic> parse(String topic) {
    if (!topic.startsWith(ROOT + "/")) {
      return Optional.empty();
    }
    int idStart = ROOT.length() + 1;
    int idEnd = topic.indexOf('/', idStart);
    if (idEnd < 0 || idEnd == topic.length() - 1) {
      return Optional.empty();
    }
    String id = topic.substring(idStart, idEnd);
    String rest = topic.substring(idEnd + 1);
    if (!isValidDeviceId(id) || rest.contains("+") || rest.contains("#")) {
      return Optional.empty();
    }
    return Optional.of(new DeviceTopic(id, rest));
  }

  /** The prefix every topic of this device starts with: {@code devices/{id}/}. */
  public static String prefix(String deviceId) {
    return ROOT + "/" + deviceId + "/";
  }

  /** The full topic name. */
  public String topic() {
    return prefix(deviceId) + subtopic;
  }
}
