package org.iotplatform.bridge.internal.forwarding;

import org.iotplatform.contracts.DeviceTopic;

/**
 * Where one device publish goes in Kafka.
 *
 * @param deviceId the publishing device, which becomes the record key
 * @param mqttTopic the MQTT topic it published to
 * @param kafkaTopic the Kafka topic the record goes to
 */
public record Route(String deviceId, String mqttTopic, String kafkaTopic) {

  /**
   * The route's name: the first level below {@code devices/{id}/}, such as {@code telemetry} or
   * {@code shadow}. Only the first level, because it names a metric and a device chooses its
   * shadows' names: metric names must stay few.
   */
  public String kind() {
    String subtopic = mqttTopic.substring(DeviceTopic.prefix(deviceId).length());
    int end = subtopic.indexOf('/');
    return end < 0 ? subtopic : subtopic.substring(0, end);
  }
}
