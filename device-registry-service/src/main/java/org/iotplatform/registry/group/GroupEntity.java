package org.iotplatform.registry.group;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "device_groups")
class GroupEntity {

  @EmbeddedId private GroupKey key = new GroupKey();

  @Column(name = "name", nullable = false)
  private String name = "";

  @Column(name = "description")
  private @Nullable String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private GroupKind kind = GroupKind.STATIC;

  // Null for a static group; the schema checks that only dynamic groups have one.
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "filter")
  private @Nullable GroupFilter filter;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.EPOCH;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt = Instant.EPOCH;

  // Null until persisted, which is how Spring Data tells a new group from an existing one.
  @Version
  @Column(name = "version", nullable = false)
  private @Nullable Long version;

  protected GroupEntity() {}

  GroupEntity(GroupKey key, String name, GroupKind kind, Instant createdAt) {
    this.key = key;
    this.name = name;
    this.kind = kind;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  UUID id() {
    return key.id();
  }

  String name() {
    return name;
  }

  GroupKind kind() {
    return kind;
  }

  @Nullable GroupFilter filter() {
    return filter;
  }

  long version() {
    return version == null ? 0 : version;
  }

  void name(String name) {
    this.name = name;
  }

  void description(@Nullable String description) {
    this.description = description;
  }

  void filter(@Nullable GroupFilter filter) {
    this.filter = filter;
  }

  void updatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  GroupResponse toResponse() {
    return new GroupResponse(
        key.id(), name, description, kind, filter, createdAt, updatedAt, version());
  }
}
