package org.iotplatform.registry.devicetype;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "device_types")
class DeviceTypeEntity {

  @EmbeddedId private DeviceTypeKey key = new DeviceTypeKey();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "metrics", nullable = false)
  private Map<String, MetricRange> metrics = new LinkedHashMap<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.EPOCH;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt = Instant.EPOCH;

  // Null until the first save, so that Spring Data persists a new type instead of merging it.
  @Version
  @Column(name = "version", nullable = false)
  private @Nullable Long version;

  protected DeviceTypeEntity() {}

  DeviceTypeEntity(DeviceTypeKey key, Map<String, MetricRange> metrics, Instant createdAt) {
    this.key = key;
    this.metrics = new LinkedHashMap<>(metrics);
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  /** Replaces the metrics; the next flush raises the version. */
  void metrics(Map<String, MetricRange> metrics, Instant updatedAt) {
    this.metrics = new LinkedHashMap<>(metrics);
    this.updatedAt = updatedAt;
  }

  DeviceTypeSnapshot toSnapshot() {
    return new DeviceTypeSnapshot(
        key.tenantId(),
        key.name(),
        metrics.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    metric ->
                        new DeviceTypeSnapshot.MetricRange(
                            metric.getValue().unit(),
                            metric.getValue().min(),
                            metric.getValue().max()))),
        version == null ? 0 : version,
        updatedAt);
  }

  DeviceTypeResponse toResponse() {
    return new DeviceTypeResponse(key.name(), Map.copyOf(metrics), createdAt);
  }
}
