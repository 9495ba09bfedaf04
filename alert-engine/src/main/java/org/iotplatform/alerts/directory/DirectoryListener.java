package org.iotplatform.alerts.directory;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iotplatform.contracts.KafkaTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the directory's tables from the registry's compacted snapshots. A snapshot replaces the
 * stored row only if its version is higher (delivery is at least once); a tombstone deletes it. An
 * unreadable record is skipped with a warning: the next snapshot of the same key repairs it.
 */
class DirectoryListener {

  private static final Logger log = LoggerFactory.getLogger(DirectoryListener.class);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  // The string deserializers are fixed here: the service's other consumers may read other formats.
  private static final String STRING_RECORDS =
      "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer";
  private static final String STRING_VALUES =
      "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer";

  private final JdbcTemplate jdbc;

  DirectoryListener(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @KafkaListener(
      id = "alert-engine-devices",
      topics = KafkaTopics.DEVICES,
      groupId = "${iot.alerts.directory.group-id:alert-engine-directory}",
      properties = {STRING_RECORDS, STRING_VALUES, "auto.offset.reset=earliest"})
  void onDevice(ConsumerRecord<String, String> record) {
    String deviceId = record.key();
    if (deviceId == null) {
      return;
    }
    if (record.value() == null) {
      jdbc.update("DELETE FROM directory_devices WHERE device_id = ?", deviceId);
      return;
    }
    try {
      JsonNode device = MAPPER.readTree(record.value());
      jdbc.update(
          "INSERT INTO directory_devices (device_id, tenant_id, type, labels, version)"
              + " VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (device_id) DO UPDATE SET"
              + " tenant_id = EXCLUDED.tenant_id, type = EXCLUDED.type, labels = EXCLUDED.labels,"
              + " version = EXCLUDED.version WHERE directory_devices.version < EXCLUDED.version",
          deviceId,
          required(device, "tenantId"),
          required(device, "type"),
          device.path("labels").isObject()
              ? MAPPER.writeValueAsString(device.path("labels"))
              : "{}",
          device.path("version").asLong());
    } catch (JacksonException | IllegalArgumentException e) {
      log.warn("Skipping an unreadable snapshot of device {}: {}", deviceId, e.getMessage());
    }
  }

  @KafkaListener(
      id = "alert-engine-device-types",
      topics = KafkaTopics.DEVICE_TYPES,
      groupId = "${iot.alerts.directory.group-id:alert-engine-directory}",
      properties = {STRING_RECORDS, STRING_VALUES, "auto.offset.reset=earliest"})
  void onDeviceType(ConsumerRecord<String, String> record) {
    String key = record.key();
    int slash = key == null ? -1 : key.lastIndexOf('/');
    if (key == null || slash < 1) {
      return;
    }
    if (record.value() == null) {
      jdbc.update(
          "DELETE FROM directory_device_types WHERE tenant_id = ? AND name = ?",
          key.substring(0, slash),
          key.substring(slash + 1));
      return;
    }
    try {
      JsonNode type = MAPPER.readTree(record.value());
      List<String> metrics = new ArrayList<>(type.path("metrics").propertyNames());
      jdbc.update(
          con -> {
            var statement =
                con.prepareStatement(
                    "INSERT INTO directory_device_types (tenant_id, name, metrics, version)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, name) DO UPDATE SET"
                        + " metrics = EXCLUDED.metrics, version = EXCLUDED.version"
                        + " WHERE directory_device_types.version < EXCLUDED.version");
            statement.setString(1, required(type, "tenantId"));
            statement.setString(2, required(type, "name"));
            statement.setArray(3, con.createArrayOf("text", metrics.toArray()));
            statement.setLong(4, type.path("version").asLong());
            return statement;
          });
    } catch (JacksonException | IllegalArgumentException e) {
      log.warn("Skipping an unreadable snapshot of device type {}: {}", key, e.getMessage());
    }
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isString() || value.stringValue().isBlank()) {
      throw new IllegalArgumentException("no " + field);
    }
    return value.stringValue();
  }
}
