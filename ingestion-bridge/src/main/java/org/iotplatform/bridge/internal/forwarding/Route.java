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

  /** The device topic below {@code devices/{id}/}, such as {@code telemetry}: the route's name. */
  public String kind() {
    return mqttTopic.substring(DeviceTopic.prefix(deviceId).length());
  }
}
