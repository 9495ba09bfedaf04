package org.iotplatform.registry.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.iotplatform.contracts.DeviceSnapshot;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "credentials")
class CredentialEntity {

  // Unique on its own; the table's key (tenant_id, id) puts the tenant first like every other.
  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  @Column(name = "id")
  private @Nullable UUID id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId = "";

  @Column(name = "device_id", nullable = false)
  private String deviceId = "";

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private CredentialKind kind = CredentialKind.TOKEN;

  @Column(name = "serial")
  private @Nullable String serial;

  @Column(name = "thumbprint")
  private @Nullable String thumbprint;

  @Column(name = "not_before")
  private @Nullable Instant notBefore;

  @Column(name = "expires_at")
  private @Nullable Instant expiresAt;

  @Column(name = "token_hash")
  private @Nullable String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.EPOCH;

  @Column(name = "revoked_at")
  private @Nullable Instant revokedAt;

  @Column(name = "replaced_by")
  private @Nullable UUID replacedBy;

  protected CredentialEntity() {}

  private CredentialEntity(
      String tenantId, String deviceId, CredentialKind kind, Instant createdAt) {
    this.tenantId = tenantId;
    this.deviceId = deviceId;
    this.kind = kind;
    this.createdAt = createdAt;
  }

  static CredentialEntity certificate(
      String tenantId,
      String deviceId,
      String serial,
      String thumbprint,
      Instant notBefore,
      Instant notAfter,
      Instant createdAt) {
    CredentialEntity credential =
        new CredentialEntity(tenantId, deviceId, CredentialKind.CERTIFICATE, createdAt);
    credential.serial = serial;
    credential.thumbprint = thumbprint;
    credential.notBefore = notBefore;
    credential.expiresAt = notAfter;
    return credential;
  }

  static CredentialEntity token(
      String tenantId,
      String deviceId,
      String tokenHash,
      @Nullable Instant expiresAt,
      Instant createdAt) {
    CredentialEntity credential =
        new CredentialEntity(tenantId, deviceId, CredentialKind.TOKEN, createdAt);
    credential.tokenHash = tokenHash;
    credential.expiresAt = expiresAt;
    return credential;
  }

  String deviceId() {
    return deviceId;
  }

  UUID id() {
    return Objects.requireNonNull(id, "not persisted yet");
  }

  CredentialKind kind() {
    return kind;
  }

  @Nullable Instant revokedAt() {
    return revokedAt;
  }

  /** Not revoked, not replaced: it may be replaced or revoked now. */
  boolean unrevoked() {
    return revokedAt == null;
  }

  /** Stops the credential at {@code at}, unless it stops earlier already. */
  void revoke(Instant at) {
    if (revokedAt == null || revokedAt.isAfter(at)) {
      revokedAt = at;
    }
  }

  /** Ends this credential at {@code endsAt} in favour of {@code successor}. */
  void replaceBy(UUID successor, Instant endsAt) {
    replacedBy = successor;
    revoke(endsAt);
  }

  /** When it stops (or stopped) working: revocation or expiry, whichever is first; null: never. */
  @Nullable Instant end() {
    if (revokedAt == null) {
      return expiresAt;
    }
    return expiresAt == null || revokedAt.isBefore(expiresAt) ? revokedAt : expiresAt;
  }

  CredentialStatus status(Instant at) {
    if (revokedAt != null && !at.isBefore(revokedAt)) {
      return CredentialStatus.REVOKED;
    }
    if (expiresAt != null && at.isAfter(expiresAt)) {
      return CredentialStatus.EXPIRED;
    }
    return CredentialStatus.ACTIVE;
  }

  DeviceSnapshot.Credential toSnapshot() {
    return new DeviceSnapshot.Credential(
        id().toString(),
        kind.name(),
        serial,
        thumbprint,
        tokenHash,
        notBefore,
        expiresAt,
        revokedAt);
  }

  CredentialResponse toResponse(Instant at) {
    return new CredentialResponse(
        id(),
        deviceId,
        kind,
        status(at),
        serial,
        thumbprint,
        notBefore,
        expiresAt,
        createdAt,
        revokedAt,
        replacedBy);
  }
}
