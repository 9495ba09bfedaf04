package org.iotplatform.flink.enrichment;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iotplatform.contracts.DeviceSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of {@code iot.devices.v1}: a {@link DeviceSnapshot} as JSON, or a tombstone.
 *
 * <p>A record without a key, or whose value is not a snapshot of the keyed device, is logged and
 * skipped rather than failing the job: the registry owns that topic, and one bad record must not
 * stop telemetry storage. Its device keeps its previous snapshot.
 */
public final class DeviceUpdateDeserializer
    implements KafkaRecordDeserializationSchema<DeviceUpdate> {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(DeviceUpdateDeserializer.class);

  // Created per instance on first use: JsonMapper is not serializable.
  private transient @Nullable JsonMapper mapper;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DeviceUpdate> out) {
    DeviceUpdate update = toUpdate(record.key(), record.value());
    if (update == null) {
      LOG.warn(
          "Skipping record {} of partition {} offset {}: not a device snapshot",
          record.topic(),
          record.partition(),
          record.offset());
      return;
    }
    out.collect(update);
  }

  /** The update, or null if the record is not a valid one. */
  @Nullable DeviceUpdate toUpdate(byte @Nullable [] key, byte @Nullable [] value) {
    if (key == null) {
      return null;
    }
    String deviceId = new String(key, StandardCharsets.UTF_8);
    if (value == null) {
      return DeviceUpdate.tombstone(deviceId);
    }
    DeviceSnapshot snapshot;
    try {
      snapshot = mapper().readValue(value, DeviceSnapshot.class);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      // NullPointerException: a required member is missing (the record copies its collections).
      return null;
    }
    // The registry's JSON has no nulls where the contract has none, but a broken producer might.
    if (snapshot == null
        || !deviceId.equals(snapshot.deviceId())
        || snapshot.tenantId() == null
        || snapshot.type() == null) {
      return null;
    }
    return DeviceUpdate.snapshot(deviceId, DeviceInfo.of(snapshot));
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
  public TypeInformation<DeviceUpdate> getProducedType() {
    return TypeInformation.of(DeviceUpdate.class);
  }
}
