package org.iotplatform.registry.device;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.iotplatform.contracts.DeviceSnapshot;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "devices")
class DeviceEntity {

  @EmbeddedId private DeviceKey key = new DeviceKey();

  @Column(name = "type", nullable = false)
  private String type = "";

  @Column(name = "name")
  private @Nullable String name;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "labels", nullable = false)
  private Map<String, String> labels = new LinkedHashMap<>();

  @Column(name = "lat")
  private @Nullable Double lat;

  @Column(name = "lon")
  private @Nullable Double lon;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "metadata", nullable = false)
  private Map<String, Object> metadata = new LinkedHashMap<>();

  @Column(name = "firmware_version")
  private @Nullable String firmwareVersion;

  // Status and last_seen belong to the status writer (status.StatusWriter), which updates them
  // with SQL: an operator's edit of the device must not write back a stale copy.
  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, updatable = false)
  private DeviceStatus status = DeviceStatus.OFFLINE;

  @Column(name = "last_seen", updatable = false)
  private @Nullable Instant lastSeen;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.EPOCH;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt = Instant.EPOCH;

  // Null until persisted, which is how Spring Data tells a new device from an existing one.
  @Version
  @Column(name = "version", nullable = false)
  private @Nullable Long version;

  protected DeviceEntity() {}

  DeviceEntity(DeviceKey key, String type, Instant createdAt) {
    this.key = key;
    this.type = type;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  String id() {
    return key.id();
  }

  long version() {
    return version == null ? 0 : version;
  }

  void name(@Nullable String name) {
    this.name = name;
  }

  void labels(Map<String, String> labels) {
    this.labels = new LinkedHashMap<>(labels);
  }

  void location(@Nullable Location location) {
    this.lat = location == null ? null : location.lat();
    this.lon = location == null ? null : location.lon();
  }

  void metadata(Map<String, Object> metadata) {
    this.metadata = new LinkedHashMap<>(metadata);
  }

  void firmwareVersion(@Nullable String firmwareVersion) {
    this.firmwareVersion = firmwareVersion;
  }

  void updatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  String tenantId() {
    return key.tenantId();
  }

  DeviceSnapshot toSnapshot(List<DeviceSnapshot.Credential> credentials) {
    return new DeviceSnapshot(
        key.tenantId(),
        key.id(),
        type,
        name,
        labels,
        firmwareVersion,
        status.name(),
        version(),
        updatedAt,
        credentials);
  }

  DeviceResponse toResponse() {
    return new DeviceResponse(
        key.id(),
        type,
        name,
        Map.copyOf(labels),
        lat == null || lon == null ? null : new Location(lat, lon),
        metadata,
        firmwareVersion,
        status,
        lastSeen,
        createdAt,
        updatedAt,
        version());
  }
}
