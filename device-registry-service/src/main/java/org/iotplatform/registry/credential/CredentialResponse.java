package org.iotplatform.registry.credential;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A credential as the listing shows it: never a secret, never a hash.
 *
 * @param status computed when answering
 * @param serial a certificate's serial, lower-case hex; null for a token
 * @param thumbprint a certificate's SHA-256 fingerprint, lower-case hex; null for a token
 * @param notBefore a certificate's start of validity; null for a token
 * @param notAfter the end of validity (inclusive), or null for a token that does not expire
 * @param revokedAt when it stopped (or, while a rotation overlaps, will stop) working, or null
 * @param replacedBy the credential that replaced it, or null
 */
public record CredentialResponse(
    UUID id,
    String deviceId,
    CredentialKind kind,
    CredentialStatus status,
    @Nullable String serial,
    @Nullable String thumbprint,
    @Nullable Instant notBefore,
    @Nullable Instant notAfter,
    Instant createdAt,
    @Nullable Instant revokedAt,
    @Nullable UUID replacedBy) {}
