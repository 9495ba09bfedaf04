package org.iotplatform.shadow.device;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.shadow.document.ShadowRejectedException;
import org.iotplatform.shadow.management.Actor;
import org.iotplatform.shadow.management.ShadowManagement;
import org.iotplatform.shadow.store.ShadowKey;
import org.iotplatform.shadow.store.ShadowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps which tenant owns each device, from the registry's compacted device snapshots: operators
 * reach only their own tenant's shadows. A deleted device (a tombstone) loses its shadows.
 */
class DeviceDirectoryListener {

  private static final Logger log = LoggerFactory.getLogger(DeviceDirectoryListener.class);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final ShadowStore store;
  private final ShadowManagement shadows;

  DeviceDirectoryListener(ShadowStore store, ShadowManagement shadows) {
    this.store = store;
    this.shadows = shadows;
  }

  @KafkaListener(
      id = "shadow-device-directory",
      topics = KafkaTopics.DEVICES,
      groupId = "${iot.shadow.kafka.group-prefix:shadow-service}-devices")
  void onDevice(ConsumerRecord<String, String> record) {
    String deviceId = record.key();
    if (deviceId == null) {
      return;
    }
    if (record.value() == null) {
      deleteShadows(deviceId);
      store.removeDevice(deviceId);
      return;
    }
    try {
      JsonNode tenant = MAPPER.readTree(record.value()).path("tenantId");
      if (tenant.isString()) {
        store.putDevice(deviceId, tenant.stringValue());
      } else {
        log.warn("Skipping the snapshot of device {}: no tenantId", deviceId);
      }
    } catch (JacksonException e) {
      log.warn(
          "Skipping an unreadable snapshot of device {}: {}", deviceId, e.getOriginalMessage());
    }
  }

  private void deleteShadows(String deviceId) {
    String tenant = store.tenantOf(deviceId).orElse("");
    for (ShadowKey key : store.shadowsOf(deviceId)) {
      try {
        shadows.delete(key, tenant, null, null, Actor.registry());
      } catch (ShadowRejectedException e) {
        // Deleted meanwhile: nothing left to do.
      }
    }
  }
}
