package org.iotplatform.registry.device;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotplatform.contracts.DeviceSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.outbox.Outbox;
import org.iotplatform.outbox.OutboxRecord;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.audit.AuditActions;
import org.iotplatform.registry.audit.AuditTrail;
import org.iotplatform.registry.devicetype.DeviceTypeManagement;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates or updates many devices of a tenant in one transaction: the store side of bulk
 * provisioning. Each device is inserted when its id is new and otherwise updated with the fields
 * its request gives (absent ones stay, as with PATCH); a device whose stored fields already equal
 * the request is left alone, so re-importing a file changes nothing. Every created or updated
 * device gets its {@code iot.devices.v1} outbox record in the same transaction.
 *
 * <p>Plain JDBC with one multi-row statement per step (insert, lock, update) instead of JPA, which
 * would load and flush entities one by one: this is what makes 100,000 devices import in seconds.
 */
@Service
public class DeviceBatchManagement {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};

  /**
   * A device deleted or changed by someone else between two statements of a round is looked at
   * again in the next round.
   */
  private static final int MAX_ROUNDS = 3;

  /** The line names a field the stored device lacks or has another value for. */
  private static final String DIFFERS =
      """
      (d.name, d.labels, d.lat, d.lon, d.metadata, d.firmware_version) IS DISTINCT FROM
          (coalesce(u.name, d.name), coalesce(u.labels::jsonb, d.labels),
           coalesce(u.lat, d.lat), coalesce(u.lon, d.lon),
           coalesce(u.metadata::jsonb, d.metadata), coalesce(u.firmware, d.firmware_version))
      """;

  private static final String CHANGES =
      """
      unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[],
          ?::text[]) AS u(id, type, name, labels, lat, lon, metadata, firmware)
      """;

  private static final String INSERT =
      """
      INSERT INTO devices (tenant_id, id, type, name, labels, lat, lon, metadata,
          firmware_version, status, created_at, updated_at, version)
      SELECT ?, u.id, u.type, u.name, coalesce(u.labels::jsonb, '{}'), u.lat, u.lon,
          coalesce(u.metadata::jsonb, '{}'), u.firmware, ?, ?, ?, 0
      FROM
      """
          + CHANGES
          + """
      ORDER BY u.id COLLATE "C"
      ON CONFLICT DO NOTHING
      RETURNING id, type, name, labels::text AS labels, firmware_version, status, version
      """;

  // Reads without locking: a re-imported file (every line unchanged) then costs one read per
  // batch. IS DISTINCT FROM compares jsonb by value, so key order or number spelling in a line
  // does not count as a change. "d.id = ANY" gives the planner an index condition: without it, it
  // may hash-join the batch against every device of the tenant.
  private static final String COMPARE =
      "SELECT d.id, d.type, "
          + DIFFERS
          + " AS differs FROM devices d JOIN "
          + CHANGES
          + " ON d.id = u.id WHERE d.tenant_id = ? AND d.id = ANY (?::text[])";

  // Locks the rows to update in id order, the order every batch takes them in, so that two
  // imports changing the same devices wait for each other instead of deadlocking.
  private static final String LOCK =
      "SELECT id FROM devices WHERE tenant_id = ? AND id = ANY (?::text[]) ORDER BY id FOR UPDATE";

  // Checks type and difference again: the devices may have changed since COMPARE read them.
  private static final String UPDATE =
      """
      UPDATE devices d SET
          name = coalesce(u.name, d.name),
          labels = coalesce(u.labels::jsonb, d.labels),
          lat = coalesce(u.lat, d.lat),
          lon = coalesce(u.lon, d.lon),
          metadata = coalesce(u.metadata::jsonb, d.metadata),
          firmware_version = coalesce(u.firmware, d.firmware_version),
          updated_at = ?,
          version = d.version + 1
      FROM
      """
          + CHANGES
          + """
      WHERE d.tenant_id = ? AND d.id = ANY (?::text[]) AND d.id = u.id AND d.type = u.type
        AND
      """
          + DIFFERS
          + """
      RETURNING d.id, d.type, d.name, d.labels::text AS labels, d.firmware_version, d.status,
          d.version
      """;

  private final JdbcTemplate jdbc;
  private final DeviceTypeManagement types;
  private final Outbox outbox;
  private final DeviceCredentials credentials;
  private final AuditTrail audit;
  private final Clock clock;

  DeviceBatchManagement(
      JdbcTemplate jdbc,
      DeviceTypeManagement types,
      Outbox outbox,
      DeviceCredentials credentials,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.types = types;
    this.outbox = outbox;
    this.credentials = credentials;
    this.audit = audit;
    this.clock = clock;
  }

  /** A request that passed validation; labels and metadata as JSON, null when absent. */
  private record Candidate(
      int index,
      String id,
      String type,
      @Nullable String name,
      @Nullable String labels,
      @Nullable Double lat,
      @Nullable Double lon,
      @Nullable String metadata,
      @Nullable String firmwareVersion) {}

  /** A row as the insert or update left it. */
  private record Stored(
      String id,
      String type,
      @Nullable String name,
      String labels,
      @Nullable String firmwareVersion,
      String status,
      long version) {}

  /**
   * Creates the devices whose ids are new and updates the others with the fields their request
   * gives.
   *
   * @param devices the requests, with distinct ids (the caller reports duplicates)
   * @return one outcome per request, in the order of {@code devices}: a request that fails
   *     validation, names an unknown type or another type than the stored device's is FAILED and
   *     changes nothing; the others do not depend on it
   */
  @Transactional
  public List<DeviceUpsert> upsert(String tenant, List<CreateDeviceRequest> devices) {
    DeviceUpsert[] outcomes = new DeviceUpsert[devices.size()];
    List<Candidate> pending = validate(tenant, devices, outcomes);
    // PostgreSQL keeps microseconds; truncating here makes the snapshot equal a later read.
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    for (int round = 0; !pending.isEmpty(); round++) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException(
            "Devices keep changing during the import, e.g. " + pending.get(0).id());
      }
      Set<String> created = insert(tenant, pending, now);
      List<Candidate> existing = new ArrayList<>();
      for (Candidate candidate : pending) {
        if (created.contains(candidate.id())) {
          outcomes[candidate.index()] = DeviceUpsert.CREATED;
        } else {
          existing.add(candidate);
        }
      }
      pending = updateExisting(tenant, existing, now, outcomes);
    }
    return Arrays.asList(outcomes);
  }

  private List<Candidate> validate(
      String tenant, List<CreateDeviceRequest> devices, DeviceUpsert[] outcomes) {
    Map<String, Boolean> knownTypes = new HashMap<>();
    Set<String> ids = new HashSet<>();
    List<Candidate> valid = new ArrayList<>(devices.size());
    for (int i = 0; i < devices.size(); i++) {
      try {
        Candidate candidate = candidate(i, devices.get(i));
        if (!ids.add(candidate.id())) {
          throw new IllegalArgumentException("Device id twice in one batch: " + candidate.id());
        }
        if (knownTypes.computeIfAbsent(candidate.type(), type -> types.exists(tenant, type))) {
          valid.add(candidate);
        } else {
          outcomes[i] =
              DeviceUpsert.failed(
                  RegistryError.DEVICE_TYPE_UNKNOWN,
                  "There is no device type '"
                      + candidate.type()
                      + "'. "
                      + RegistryError.DEVICE_TYPE_UNKNOWN.hint());
        }
      } catch (ApiException e) {
        outcomes[i] = DeviceUpsert.failed(e.error(), String.valueOf(e.getBody().getDetail()));
      }
    }
    return valid;
  }

  private static Candidate candidate(int index, CreateDeviceRequest request) {
    String id = DeviceValidation.id(request.id());
    String type = DeviceValidation.type(request.type());
    @Nullable String name = DeviceValidation.name(request.name());
    @Nullable String labels =
        request.labels() == null
            ? null
            : JSON.writeValueAsString(DeviceValidation.labels(request.labels()));
    @Nullable Location location = DeviceValidation.location(request.location());
    @Nullable String metadata =
        request.metadata() == null
            ? null
            : JSON.writeValueAsString(DeviceValidation.metadata(request.metadata()));
    @Nullable String firmwareVersion = DeviceValidation.firmwareVersion(request.firmwareVersion());
    return new Candidate(
        index,
        id,
        type,
        name,
        labels,
        location == null ? null : location.lat(),
        location == null ? null : location.lon(),
        metadata,
        firmwareVersion);
  }

  /** Inserts the devices whose ids are new; returns their ids. */
  private Set<String> insert(String tenant, List<Candidate> candidates, Instant now) {
    List<Stored> created =
        jdbc.query(
            con -> {
              PreparedStatement statement = con.prepareStatement(INSERT);
              OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
              statement.setString(1, tenant);
              statement.setString(2, DeviceStatus.OFFLINE.name());
              statement.setObject(3, at);
              statement.setObject(4, at);
              bindChanges(statement, 5, con, candidates);
              return statement;
            },
            (rs, i) -> stored(rs));
    announce(tenant, created, now, false);
    return ids(created);
  }

  /** What COMPARE found about an existing device. */
  private record Compared(String type, boolean differs) {}

  /**
   * Updates the devices that exist and differ from their request, and records the outcome of each.
   *
   * @return the devices to look at again in another round: deleted or changed by someone else since
   *     they were read
   */
  private List<Candidate> updateExisting(
      String tenant, List<Candidate> existing, Instant now, DeviceUpsert[] outcomes) {
    if (existing.isEmpty()) {
      return List.of();
    }
    Map<String, Compared> stored = new HashMap<>();
    jdbc.query(
        con -> {
          PreparedStatement statement = con.prepareStatement(COMPARE);
          int next = bindChanges(statement, 1, con, existing);
          statement.setString(next, tenant);
          statement.setArray(next + 1, texts(con, existing, Candidate::id));
          return statement;
        },
        rs -> {
          stored.put(
              rs.getString("id"), new Compared(rs.getString("type"), rs.getBoolean("differs")));
        });
    List<Candidate> again = new ArrayList<>();
    List<Candidate> changed = new ArrayList<>();
    Set<String> elsewhere = heldByOtherTenants(tenant, existing, stored.keySet());
    for (Candidate candidate : existing) {
      Compared device = stored.get(candidate.id());
      if (device == null && elsewhere.contains(candidate.id())) {
        outcomes[candidate.index()] =
            DeviceUpsert.failed(
                RegistryError.DEVICE_DUPLICATE,
                "Device id '" + candidate.id() + "' is taken (ids are unique across tenants).");
      } else if (device == null) {
        again.add(candidate);
      } else if (!device.type().equals(candidate.type())) {
        outcomes[candidate.index()] = typeChange(candidate, device.type());
      } else if (device.differs()) {
        changed.add(candidate);
      } else {
        outcomes[candidate.index()] = DeviceUpsert.UNCHANGED;
      }
    }
    Set<String> updated = update(tenant, changed, now);
    for (Candidate candidate : changed) {
      if (updated.contains(candidate.id())) {
        outcomes[candidate.index()] = DeviceUpsert.UPDATED;
      } else {
        again.add(candidate);
      }
    }
    return again;
  }

  /**
   * Of the ids neither inserted nor found in the tenant, those another tenant holds (ADR 0007); the
   * others were deleted meanwhile and go round again.
   */
  private Set<String> heldByOtherTenants(
      String tenant, List<Candidate> existing, Set<String> found) {
    List<String> missing =
        existing.stream().map(Candidate::id).filter(id -> !found.contains(id)).toList();
    if (missing.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.query(
            con -> {
              PreparedStatement statement =
                  con.prepareStatement(
                      "SELECT id FROM devices WHERE id = ANY (?::text[]) AND tenant_id <> ?");
              statement.setArray(1, con.createArrayOf("text", missing.toArray()));
              statement.setString(2, tenant);
              return statement;
            },
            (rs, i) -> rs.getString("id")));
  }

  private static DeviceUpsert typeChange(Candidate candidate, String storedType) {
    return DeviceUpsert.failed(
        RegistryError.BULK_TYPE_CHANGE,
        "Device '"
            + candidate.id()
            + "' is of type '"
            + storedType
            + "', not '"
            + candidate.type()
            + "'. "
            + RegistryError.BULK_TYPE_CHANGE.hint());
  }

  private Set<String> update(String tenant, List<Candidate> candidates, Instant now) {
    if (candidates.isEmpty()) {
      return Set.of();
    }
    jdbc.query(
        con -> {
          PreparedStatement statement = con.prepareStatement(LOCK);
          statement.setString(1, tenant);
          statement.setArray(2, texts(con, candidates, Candidate::id));
          return statement;
        },
        rs -> {});
    List<Stored> changed =
        jdbc.query(
            con -> {
              PreparedStatement statement = con.prepareStatement(UPDATE);
              statement.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
              int next = bindChanges(statement, 2, con, candidates);
              statement.setString(next, tenant);
              statement.setArray(next + 1, texts(con, candidates, Candidate::id));
              return statement;
            },
            (rs, i) -> stored(rs));
    announce(tenant, changed, now, true);
    return ids(changed);
  }

  /** Binds the arrays of {@link #CHANGES} from {@code first} on; returns the next index. */
  private static int bindChanges(
      PreparedStatement statement, int first, Connection con, List<Candidate> candidates)
      throws SQLException {
    statement.setArray(first, texts(con, candidates, Candidate::id));
    statement.setArray(first + 1, texts(con, candidates, Candidate::type));
    statement.setArray(first + 2, texts(con, candidates, Candidate::name));
    statement.setArray(first + 3, texts(con, candidates, Candidate::labels));
    statement.setArray(first + 4, doubles(con, candidates, Candidate::lat));
    statement.setArray(first + 5, doubles(con, candidates, Candidate::lon));
    statement.setArray(first + 6, texts(con, candidates, Candidate::metadata));
    statement.setArray(first + 7, texts(con, candidates, Candidate::firmwareVersion));
    return first + 8;
  }

  /**
   * The devices' new states for {@link KafkaTopics#DEVICES}, as DeviceManagement records them, and
   * their audit records. An updated device's snapshot carries its credentials, which the bridge
   * authenticates against; a created one has none yet.
   */
  private void announce(String tenant, List<Stored> devices, Instant updatedAt, boolean existed) {
    if (devices.isEmpty()) {
      return;
    }
    Map<String, List<DeviceSnapshot.Credential>> held =
        existed ? credentials.forSnapshots(tenant, ids(devices), updatedAt) : Map.of();
    List<OutboxRecord> records = new ArrayList<>(devices.size());
    for (Stored device : devices) {
      DeviceSnapshot snapshot =
          new DeviceSnapshot(
              tenant,
              device.id(),
              device.type(),
              device.name(),
              JSON.readValue(device.labels(), LABELS),
              device.firmwareVersion(),
              device.status(),
              device.version(),
              updatedAt,
              held.getOrDefault(device.id(), List.of()));
      records.add(
          new OutboxRecord(
              DeviceManagement.aggregateKey(tenant, device.id()),
              KafkaTopics.DEVICES,
              device.id(),
              DeviceSnapshotJson.toJson(snapshot)));
    }
    outbox.appendAll(records);
    List<String> ids = devices.stream().map(Stored::id).toList();
    Map<String, String> outcome = Map.of("outcome", existed ? "updated" : "created");
    audit.recordAll(
        tenant, ids, AuditActions.DEVICE_IMPORTED, ids.stream().map(id -> outcome).toList());
  }

  private static Set<String> ids(List<Stored> devices) {
    Set<String> ids = new HashSet<>();
    for (Stored device : devices) {
      ids.add(device.id());
    }
    return ids;
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    return new Stored(
        rs.getString("id"),
        rs.getString("type"),
        rs.getString("name"),
        rs.getString("labels"),
        rs.getString("firmware_version"),
        rs.getString("status"),
        rs.getLong("version"));
  }

  private interface Column<T> {
    @Nullable T of(Candidate candidate);
  }

  private static java.sql.Array texts(
      Connection con, List<Candidate> candidates, Column<String> column) throws SQLException {
    return con.createArrayOf("text", candidates.stream().map(column::of).toArray(String[]::new));
  }

  private static java.sql.Array doubles(
      Connection con, List<Candidate> candidates, Column<Double> column) throws SQLException {
    return con.createArrayOf("float8", candidates.stream().map(column::of).toArray(Double[]::new));
  }
}
