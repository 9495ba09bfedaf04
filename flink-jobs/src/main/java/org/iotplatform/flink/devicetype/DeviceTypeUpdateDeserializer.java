package org.iotplatform.flink.devicetype;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of {@code iot.device-types.v1}: a {@link DeviceTypeSnapshot} as JSON, or a
 * tombstone.
 *
 * <p>A record without a key, or whose value is not a snapshot of the keyed type, is logged and
 * skipped rather than failing the job, as for device snapshots: the type keeps its previous ranges.
 */
public final class DeviceTypeUpdateDeserializer
    implements KafkaRecordDeserializationSchema<DeviceTypeUpdate> {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(DeviceTypeUpdateDeserializer.class);

  // Created per instance on first use: JsonMapper is not serializable.
  private transient @Nullable JsonMapper mapper;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DeviceTypeUpdate> out) {
    DeviceTypeUpdate update = toUpdate(record.key(), record.value());
    if (update == null) {
      LOG.warn(
          "Skipping record {} of partition {} offset {}: not a device type snapshot",
          record.topic(),
          record.partition(),
          record.offset());
      return;
    }
    out.collect(update);
  }

  /** The update, or null if the record is not a valid one. */
  @Nullable DeviceTypeUpdate toUpdate(byte @Nullable [] key, byte @Nullable [] value) {
    if (key == null) {
      return null;
    }
    String typeKey = new String(key, StandardCharsets.UTF_8);
    if (value == null) {
      return DeviceTypeUpdate.tombstone(typeKey);
    }
    DeviceTypeSnapshot snapshot;
    try {
      snapshot = mapper().readValue(value, DeviceTypeSnapshot.class);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      // NullPointerException: metrics is missing (the record copies it).
      return null;
    }
    if (snapshot == null
        || snapshot.tenantId() == null
        || snapshot.name() == null
        || !typeKey.equals(DeviceTypeSnapshot.key(snapshot.tenantId(), snapshot.name()))) {
      return null;
    }
    return DeviceTypeUpdate.snapshot(typeKey, DeviceTypeInfo.of(snapshot));
  }

  private JsonMapper mapper() {
    JsonMapper current = mapper;
    if (current == null) {
      current =
          JsonMapper.builder()
              // Consumers ignore fields they do not know, as the contract allows producers to add.
              .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .build();
      mapper = current;
    }
    return current;
  }

  @Override
  public TypeInformation<DeviceTypeUpdate> getProducedType() {
    return TypeInformation.of(DeviceTypeUpdate.class);
  }
}
