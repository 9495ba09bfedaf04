package org.iotplatform.bridge.internal.forwarding;

import java.util.Optional;
import org.iotplatform.bridge.BridgeConfig.Topics;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.ShadowTopic;

/**
 * Maps a device's MQTT topic to the Kafka topic its publishes are forwarded to: telemetry, status
 * and shadow requests ({@link ShadowTopic}, classic and named). Command responses and OTA progress
 * follow with their services. Shadow answer topics are never routed: the topic rule refuses them
 * before this router sees them. Stateless and thread-safe.
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
                kafkaTopicFor(topic)
                    .map(kafkaTopic -> new Route(topic.deviceId(), mqttTopic, kafkaTopic)));
  }

  private Optional<String> kafkaTopicFor(DeviceTopic topic) {
    return switch (topic.subtopic()) {
      case DeviceTopic.TELEMETRY -> Optional.of(topics.telemetry());
      case DeviceTopic.STATUS -> Optional.of(topics.deviceEvents());
      default -> ShadowTopic.parse(topic.topic()).map(request -> topics.shadow());
    };
  }
}
