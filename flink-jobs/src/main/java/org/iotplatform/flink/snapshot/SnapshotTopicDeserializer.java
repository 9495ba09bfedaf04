package org.iotplatform.flink.snapshot;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of a compacted snapshot topic: a snapshot of type {@code S} as JSON under its key,
 * or a tombstone, into an update {@code U} of the job's state.
 *
 * <p>A record without a key, or whose value is not a snapshot of the keyed entity, is logged and
 * skipped rather than failing the job: the registry owns those topics, and one bad record must not
 * stop telemetry storage. The entity keeps its previous snapshot.
 */
public abstract class SnapshotTopicDeserializer<S, U>
    implements KafkaRecordDeserializationSchema<U> {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotTopicDeserializer.class);

  private final Class<S> snapshotType;
  private final Class<U> updateType;
  private final String what;

  // Created per instance on first use: JsonMapper is not serializable.
  private transient @Nullable JsonMapper mapper;

  /**
   * @param what what a snapshot is of, for the log line of a skipped record ("device snapshot")
   */
  protected SnapshotTopicDeserializer(Class<S> snapshotType, Class<U> updateType, String what) {
    this.snapshotType = snapshotType;
    this.updateType = updateType;
    this.what = what;
  }

  /** The update removing the entity of {@code key}. */
  protected abstract U tombstone(String key);

  /**
   * The update setting {@code snapshot} for {@code key}, or null if the snapshot is not one of the
   * keyed entity or lacks what the contract requires (a broken producer might write nulls).
   */
  protected abstract @Nullable U update(String key, S snapshot);

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<U> out) {
    U update = toUpdate(record.key(), record.value());
    if (update == null) {
      LOG.warn(
          "Skipping record {} of partition {} offset {}: not a {}",
          record.topic(),
          record.partition(),
          record.offset(),
          what);
      return;
    }
    out.collect(update);
  }

  /** The update, or null if the record is not a valid one. */
  public @Nullable U toUpdate(byte @Nullable [] key, byte @Nullable [] value) {
    if (key == null) {
      return null;
    }
    String id = new String(key, StandardCharsets.UTF_8);
    if (value == null) {
      return tombstone(id);
    }
    S snapshot;
    try {
      snapshot = mapper().readValue(value, snapshotType);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      // NullPointerException: a required member is missing (the records copy their collections).
      return null;
    }
    return snapshot == null ? null : update(id, snapshot);
  }

  @Override
  public TypeInformation<U> getProducedType() {
    return TypeInformation.of(updateType);
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
}
