package org.iotplatform.outbox;

import java.sql.PreparedStatement;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a Kafka record to be sent once the caller's transaction commits. It must run inside that
 * transaction (MANDATORY): a rolled-back change then leaves no record, and a committed one always
 * does.
 */
public class Outbox {

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
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
   * Records many records at once, as {@link #append} for each, in list order, with one statement
   * (bulk provisioning writes thousands).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void appendAll(List<OutboxRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    // unnest yields the rows in array order, so the ids (bigserial) follow the list.
    jdbc.update(
        con -> {
          PreparedStatement statement =
              con.prepareStatement(
                  "INSERT INTO outbox (aggregate_key, topic, record_key, payload)"
                      + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bytea[])");
          statement.setArray(
              1,
              con.createArrayOf(
                  "text", records.stream().map(OutboxRecord::aggregateKey).toArray(String[]::new)));
          statement.setArray(
              2,
              con.createArrayOf(
                  "text", records.stream().map(OutboxRecord::topic).toArray(String[]::new)));
          statement.setArray(
              3,
              con.createArrayOf(
                  "text", records.stream().map(OutboxRecord::key).toArray(String[]::new)));
          statement.setArray(
              4,
              con.createArrayOf(
                  "bytea", records.stream().map(OutboxRecord::payload).toArray(byte[][]::new)));
          return statement;
        });
  }
}
