package org.iotplatform.shadow.device;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.iotplatform.contracts.DeviceEventType;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.shadow.management.DeviceAnswers;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Pushes a device's pending deltas when it connects, so a device that was offline catches up
 * without asking. Only {@code connected} events matter; heartbeats are skipped on their header. The
 * device may not have subscribed to its delta topic yet when the push arrives (the SDK asks for the
 * document after every connect, which covers that moment).
 */
class DeviceConnectListener {

  private final DeviceAnswers answers;

  DeviceConnectListener(DeviceAnswers answers) {
    this.answers = answers;
  }

  @KafkaListener(
      id = "shadow-device-connects",
      topics = KafkaTopics.DEVICE_EVENTS,
      groupId = "${iot.shadow.kafka.group-prefix:shadow-service}-connects")
  void onDeviceEvent(ConsumerRecord<String, String> record) {
    Header type = record.headers().lastHeader(KafkaHeaders.EVENT_TYPE);
    if (type != null
        && DeviceEventType.CONNECTED.headerValue().equals(KafkaHeaders.decode(type.value()))
        && record.key() != null) {
      answers.pushDeltas(record.key());
    }
  }
}
