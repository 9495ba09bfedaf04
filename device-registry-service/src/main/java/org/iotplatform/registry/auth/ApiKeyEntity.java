package org.iotplatform.registry.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.iotplatform.web.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "api_keys")
class ApiKeyEntity implements Persistable<String> {

  @Id
  @Column(name = "id")
  private String id = "";

  @Column(name = "tenant_id", nullable = false)
  private String tenantId = "";

  @Column(name = "name", nullable = false)
  private String name = "";

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false)
  private Role role = Role.VIEWER;

  @Column(name = "secret_hash", nullable = false)
  private byte[] secretHash = new byte[0];

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.EPOCH;

  @Column(name = "created_by", nullable = false)
  private String createdBy = "";

  @Column(name = "last_used_at")
  private @Nullable Instant lastUsedAt;

  @Column(name = "revoked_at")
  private @Nullable Instant revokedAt;

  // The id is assigned, not generated: this tells Spring Data to insert rather than merge.
  @Transient private boolean isNew;

  protected ApiKeyEntity() {}

  ApiKeyEntity(
      ApiKeySecret key,
      String tenantId,
      String name,
      Role role,
      Instant createdAt,
      String createdBy) {
    this.id = key.id();
    this.tenantId = tenantId;
    this.name = name;
    this.role = role;
    this.secretHash = ApiKeySecret.hash(key.secret());
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.isNew = true;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  String tenantId() {
    return tenantId;
  }

  Role role() {
    return role;
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  boolean verifies(String secret) {
    return ApiKeySecret.matches(secret, secretHash);
  }

  void used(Instant at) {
    this.lastUsedAt = at;
  }

  void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  ApiKeyResponse toResponse() {
    return new ApiKeyResponse(
        id, name, role.claimValue(), createdAt, createdBy, lastUsedAt, revokedAt);
  }
}
