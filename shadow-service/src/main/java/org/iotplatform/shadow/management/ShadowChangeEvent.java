package org.iotplatform.shadow.management;

import java.time.Instant;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.shadow.document.ShadowDocument;
import org.iotplatform.shadow.store.OutboxEntry;
import org.iotplatform.shadow.store.ShadowKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The value of a record on {@code iot.shadow-changes.v1}: {@code {"deviceId","shadowName",
 * "tenantId","operation":"update"|"delete","actor":{"kind","id"},"version","previous","current",
 * "changedAt"}}, the documents in their storage form ({@code state}, {@code metadata}, {@code
 * version}, {@code timestamp}), {@code previous} null for a shadow's first document and {@code
 * current} null after a delete.
 */
final class ShadowChangeEvent {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ShadowChangeEvent() {}

  /** The change as the outbox record to {@code iot.shadow-changes.v1}, keyed by device id. */
  static OutboxEntry entry(
      ShadowKey key,
      String tenantId,
      String operation,
      Actor actor,
      long version,
      @Nullable ShadowDocument previous,
      @Nullable ShadowDocument current,
      Instant changedAt) {
    ObjectNode event = MAPPER.createObjectNode();
    event.put("deviceId", key.deviceId());
    event.put("shadowName", key.shadowName());
    event.put("tenantId", tenantId);
    event.put("operation", operation);
    ObjectNode who = event.putObject("actor");
    who.put("kind", actor.kind());
    who.put("id", actor.id());
    event.put("version", version);
    event.set("previous", previous == null ? null : previous.toTree());
    event.set("current", current == null ? null : current.toTree());
    event.put("changedAt", changedAt.toString());
    return new OutboxEntry(
        KafkaTopics.SHADOW_CHANGES, key.deviceId(), MAPPER.writeValueAsString(event));
  }
}
