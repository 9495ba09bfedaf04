package org.iotplatform.contracts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A device's shadow request topic, as AWS IoT Device Shadow names them below {@code devices/{id}/}:
 *
 * <ul>
 *   <li>the classic shadow: {@code shadow/get}, {@code shadow/update}, {@code shadow/delete};
 *   <li>a named shadow: {@code shadow/name/{name}/get}, {@code .../update}, {@code .../delete}.
 * </ul>
 *
 * <p>The device publishes requests (up, QoS 1; the bridge forwards them to {@link
 * KafkaTopics#SHADOW} with the headers of telemetry, {@link KafkaHeaders#MQTT_TOPIC} naming this
 * topic). The shadow service answers below the request topic (down, QoS 1, through {@link
 * KafkaTopics#DOWNLINK}): {@code .../get/accepted} and {@code /rejected}, {@code
 * .../update/accepted}, {@code /rejected}, {@code /delta} and {@code /documents}, {@code
 * .../delete/accepted} and {@code /rejected}. The payloads are AWS IoT Device Shadow's, with times
 * in epoch seconds; a refusal is {@code {"code":409,"errorCode":"shadow.version-conflict",
 * "message":"...","timestamp":...,"clientToken":"..."}}.
 *
 * @param deviceId the device the shadow belongs to
 * @param shadowName the named shadow's name, or null for the classic shadow
 * @param operation what the request asks for
 */
public record ShadowTopic(String deviceId, @Nullable String shadowName, Operation operation) {

  /** What a shadow name may look like, as AWS IoT: 1 to 64 letters, digits, colon, dash, _. */
  public static final Pattern SHADOW_NAME = Pattern.compile("[A-Za-z0-9:_-]{1,64}");

  /** The first level of every shadow subtopic. */
  public static final String ROOT = "shadow";

  private static final String NAMED = "name";

  /** A shadow request. */
  public enum Operation {
    /** Asks for the whole document on {@code /get/accepted}. */
    GET,
    /** Merges a partial state; answered on {@code /update/accepted} or {@code /rejected}. */
    UPDATE,
    /** Deletes the document; the next update starts a new one at version 1. */
    DELETE;

    /** The topic level naming the operation, for example {@code update}. */
    public String level() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Operation> fromLevel(String level) {
      for (Operation operation : values()) {
        if (operation.level().equals(level)) {
          return Optional.of(operation);
        }
      }
      return Optional.empty();
    }
  }

  /** The answers below a request topic. */
  public enum Response {
    ACCEPTED,
    REJECTED,
    /** Only below {@code update}: the desired state the device has not reported yet. */
    DELTA,
    /** Only below {@code update}: the previous and current documents after each change. */
    DOCUMENTS;

    /** The topic level naming the answer, for example {@code accepted}. */
    public String level() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ShadowTopic {
    if (!DeviceTopic.isValidDeviceId(deviceId)) {
      throw new IllegalArgumentException("invalid device id: " + deviceId);
    }
    if (shadowName != null && !isValidShadowName(shadowName)) {
      throw new IllegalArgumentException("invalid shadow name: " + shadowName);
    }
  }

  /** Whether {@code name} is a valid shadow name. */
  public static boolean isValidShadowName(String name) {
    return SHADOW_NAME.matcher(name).matches();
  }

  /** Whether a device's subtopic (what follows {@code devices/{id}/}) is below {@code shadow/}. */
  public static boolean isShadowSubtopic(String subtopic) {
    return subtopic.startsWith(ROOT + "/");
  }

  /**
   * Parses a request topic, {@code devices/{id}/shadow[/name/{name}]/{get|update|delete}}. Empty
   * for any other topic, answer topics included.
   */
  public static Optional<ShadowTopic> parse(String topic) {
    return DeviceTopic.parse(topic).flatMap(ShadowTopic::fromDeviceTopic);
  }

  private static Optional<ShadowTopic> fromDeviceTopic(DeviceTopic topic) {
    String[] levels = topic.subtopic().split("/", -1);
    if (levels.length == 2 && levels[0].equals(ROOT)) {
      return Operation.fromLevel(levels[1])
          .map(operation -> new ShadowTopic(topic.deviceId(), null, operation));
    }
    if (levels.length == 4
        && levels[0].equals(ROOT)
        && levels[1].equals(NAMED)
        && isValidShadowName(levels[2])) {
      return Operation.fromLevel(levels[3])
          .map(operation -> new ShadowTopic(topic.deviceId(), levels[2], operation));
    }
    return Optional.empty();
  }

  /** The classic (unnamed) shadow's request topic for {@code operation}. */
  public static ShadowTopic classic(String deviceId, Operation operation) {
    return new ShadowTopic(deviceId, null, operation);
  }

  /** A named shadow's request topic for {@code operation}. */
  public static ShadowTopic named(String deviceId, String shadowName, Operation operation) {
    return new ShadowTopic(deviceId, shadowName, operation);
  }

  /** The subtopic below {@code devices/{id}/}: {@code shadow[/name/{name}]/{operation}}. */
  public String subtopic() {
    String shadow = shadowName == null ? ROOT : ROOT + "/" + NAMED + "/" + shadowName;
    return shadow + "/" + operation.level();
  }

  /** The full request topic. */
  public String topic() {
    return DeviceTopic.prefix(deviceId) + subtopic();
  }

  /** The full topic of {@code response} to this request, e.g. {@code .../update/accepted}. */
  public String responseTopic(Response response) {
    if ((response == Response.DELTA || response == Response.DOCUMENTS)
        && operation != Operation.UPDATE) {
      throw new IllegalArgumentException(response + " answers only updates, not " + operation);
    }
    return topic() + "/" + response.level();
  }

  /** The same shadow's request topic for another operation. */
  public ShadowTopic withOperation(Operation other) {
    return new ShadowTopic(deviceId, shadowName, other);
  }
}
