package org.iotplatform.alerts.outbox;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a Kafka record to be sent once the caller's transaction commits. It must run inside that
 * transaction (MANDATORY): a rolled-back change then leaves no record, and a committed one always
 * does.
 */
@Component
public class Outbox {

  private final JdbcTemplate jdbc;

  Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param aggregateKey what changed, for people reading the table (e.g. {@code rule:default/5d0c})
   * @param topic the Kafka topic
   * @param key the record key
   * @param payload the record value, or null for a tombstone
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void append(String aggregateKey, String topic, String key, byte @Nullable [] payload) {
    jdbc.update(
        "INSERT INTO outbox (aggregate_key, topic, record_key, payload) VALUES (?, ?, ?, ?)",
        aggregateKey,
        topic,
        key,
        payload);
  }
}
