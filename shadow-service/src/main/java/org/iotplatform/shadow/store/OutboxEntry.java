package org.iotplatform.shadow.store;

/**
 * A Kafka record a shadow change sends, written to Redis's outbox stream in the same script as the
 * change and sent by the relay afterwards.
 *
 * @param topic the Kafka topic
 * @param key the record key (the device id)
 * @param value the record value (UTF-8 JSON)
 */
public record OutboxEntry(String topic, String key, String value) {}
