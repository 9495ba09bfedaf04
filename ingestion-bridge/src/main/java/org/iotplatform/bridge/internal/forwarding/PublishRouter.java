package org.iotplatform.bridge.internal.forwarding;

import java.util.Optional;
import org.iotplatform.bridge.BridgeConfig.Topics;
import org.iotplatform.contracts.DeviceTopic;

/**
 * Maps a device's MQTT topic to the Kafka topic its publishes are forwarded to. Only telemetry and
 * status are forwarded so far; shadow, command responses and OTA progress follow with their
 * services. Stateless and thread-safe.
 */
public final class PublishRouter {

  private final Topics topics;

  public PublishRouter(Topics topics) {
    this.topics = topics;
  }

  /** The route of a publish to {@code mqttTopic}, or empty when it is not forwarded. */
  public Optional<Route> route(String mqttTopic) {
    return DeviceTopic.parse(mqttTopic)
        .flatMap(
            topic ->
                kafkaTopicFor(topic.subtopic())
                    .map(kafkaTopic -> new Route(topic.deviceId(), mqttTopic, kafkaTopic)));
  }

  private Optional<String> kafkaTopicFor(String subtopic) {
    return switch (subtopic) {
      case DeviceTopic.TELEMETRY -> Optional.of(topics.telemetry());
      case DeviceTopic.STATUS -> Optional.of(topics.deviceEvents());
      default -> Optional.empty();
    };
  }
}
