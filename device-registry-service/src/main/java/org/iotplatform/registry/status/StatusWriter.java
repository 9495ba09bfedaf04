package org.iotplatform.registry.status;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes status updates to the devices table, many rows per statement. A row only moves forward in
 * time: an update older than the stored last_seen (a replay after a restart) changes nothing. Rows
 * are found by device id alone, which is unique across tenants (ADR 0007); an id no device has
 * matches no row. Neither the version nor updated_at change: status is not an edit of the device,
 * and must not fail an operator's {@code If-Match}.
 */
@Component
class StatusWriter {

  private static final String UPDATE =
      "UPDATE devices d SET status = u.status, last_seen = u.seen"
          + " FROM unnest(?::varchar[], ?::timestamptz[], ?::varchar[]) AS u(id, seen, status)"
          + " WHERE d.id = u.id AND (d.last_seen IS NULL OR d.last_seen <= u.seen)";

  private final JdbcTemplate jdbc;

  StatusWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes the updates, at most {@code batchSize} rows per statement, each statement in its own
   * transaction (a later failure leaves earlier batches written, which a retry repeats harmlessly).
   *
   * @return how many rows changed
   */
  int write(List<StatusUpdate> updates, int batchSize) {
    int changed = 0;
    for (int from = 0; from < updates.size(); from += batchSize) {
      List<StatusUpdate> batch = updates.subList(from, Math.min(updates.size(), from + batchSize));
      String[] ids = batch.stream().map(StatusUpdate::deviceId).toArray(String[]::new);
      Timestamp[] seen = batch.stream().map(u -> Timestamp.from(u.at())).toArray(Timestamp[]::new);
      String[] statuses = batch.stream().map(u -> u.status().name()).toArray(String[]::new);
      changed +=
          jdbc.update(
              con -> {
                var statement = con.prepareStatement(UPDATE);
                statement.setArray(1, con.createArrayOf("varchar", ids));
                statement.setArray(2, con.createArrayOf("timestamptz", seen));
                statement.setArray(3, con.createArrayOf("varchar", statuses));
                return statement;
              });
    }
    return changed;
  }
}
