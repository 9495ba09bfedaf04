package org.iotplatform.registry.devicetype;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "device_types")
class DeviceTypeEntity {

  @EmbeddedId private DeviceTypeKey key = new DeviceTypeKey();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "metrics", nullable = false)
  private Map<String, MetricRange> metrics = new LinkedHashMap<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.EPOCH;

  protected DeviceTypeEntity() {}

  DeviceTypeEntity(DeviceTypeKey key, Map<String, MetricRange> metrics, Instant createdAt) {
    this.key = key;
    this.metrics = new LinkedHashMap<>(metrics);
    this.createdAt = createdAt;
  }

  DeviceTypeResponse toResponse() {
    return new DeviceTypeResponse(key.name(), Map.copyOf(metrics), createdAt);
  }
}
