package org.iotplatform.registry.outbox;

import java.util.List;
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
   * @param aggregateKey what changed, for people reading the table (e.g. {@code device:default/x})
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

  /**
   * Records many records at once, in one JDBC batch: as {@link #append} for each, in list order,
   * without a round trip per record (bulk provisioning writes thousands).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void appendAll(List<OutboxRecord> records) {
    jdbc.batchUpdate(
        "INSERT INTO outbox (aggregate_key, topic, record_key, payload) VALUES (?, ?, ?, ?)",
        records,
        records.size(),
        (statement, record) -> {
          statement.setString(1, record.aggregateKey());
          statement.setString(2, record.topic());
          statement.setString(3, record.key());
          statement.setBytes(4, record.payload());
        });
  }
}
