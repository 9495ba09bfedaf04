package org.iotplatform.outbox;

import org.jspecify.annotations.Nullable;

/**
 * One record for {@link Outbox#appendAll}.
 *
 * @param aggregateKey what changed, for people reading the table (e.g. {@code device:default/x})
 * @param topic the Kafka topic
 * @param key the record key
 * @param payload the record value, or null for a tombstone
 */
public record OutboxRecord(
    String aggregateKey, String topic, String key, byte @Nullable [] payload) {}
