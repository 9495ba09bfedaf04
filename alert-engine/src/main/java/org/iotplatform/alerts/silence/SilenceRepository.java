package org.iotplatform.alerts.silence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The silences of all tenants. */
@Repository
class SilenceRepository {

  private static final String COLUMNS =
      "id, starts_at, ends_at, rule_id, group_name, device_ids, comment, created_by, created_at";

  private final JdbcClient jdbc;

  SilenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String tenantId, SilenceResponse silence) {
    jdbc.sql(
            "INSERT INTO silence (id, tenant_id, starts_at, ends_at, rule_id, group_name,"
                + " device_ids, comment, created_by, created_at) VALUES (:id, :tenant, :starts,"
                + " :ends, :rule, :group, CAST(:devices AS text[]), :comment, :by, :created)")
        .param("id", silence.id())
        .param("tenant", tenantId)
        .param("starts", Timestamp.from(silence.startsAt()))
        .param("ends", Timestamp.from(silence.endsAt()))
        .param("rule", silence.scope().ruleId())
        .param("group", silence.scope().group())
        .param("devices", silence.scope().deviceIds().toArray(String[]::new))
        .param("comment", silence.comment())
        .param("by", silence.createdBy())
        .param("created", Timestamp.from(silence.createdAt()))
        .update();
  }

  Optional<SilenceResponse> find(String tenantId, UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM silence WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId)
        .param("id", id)
        .query(SilenceRepository::silence)
        .optional();
  }

  /** The tenant's silences that end after {@code endsAfter}, latest start first. */
  List<SilenceResponse> endingAfter(String tenantId, Instant endsAfter, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM silence WHERE tenant_id = :tenant AND ends_at > :after"
                + " ORDER BY starts_at DESC, id LIMIT :limit")
        .param("tenant", tenantId)
        .param("after", Timestamp.from(endsAfter))
        .param("limit", limit)
        .query(SilenceRepository::silence)
        .list();
  }

  /** The tenant's silences active at {@code at}. */
  List<SilenceResponse> activeAt(String tenantId, Instant at) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM silence WHERE tenant_id = :tenant AND starts_at <= :at AND ends_at > :at"
                + " ORDER BY starts_at, id")
        .param("tenant", tenantId)
        .param("at", Timestamp.from(at))
        .query(SilenceRepository::silence)
        .list();
  }

  boolean delete(String tenantId, UUID id) {
    return jdbc.sql("DELETE FROM silence WHERE tenant_id = :tenant AND id = :id")
            .param("tenant", tenantId)
            .param("id", id)
            .update()
        == 1;
  }

  private static SilenceResponse silence(ResultSet rs, int row) throws SQLException {
    Array devices = rs.getArray("device_ids");
    return new SilenceResponse(
        rs.getObject("id", UUID.class),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        new SilenceScope(
            List.of((String[]) devices.getArray()),
            rs.getString("group_name"),
            rs.getString("rule_id")),
        rs.getString("comment"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
