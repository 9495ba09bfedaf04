package org.iotplatform.registry.credential;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A certificate just signed, as the API answers it. The device installs {@code certificate} with
 * the private key it kept, and trusts nothing new: {@code caChain} is the platform CA's.
 *
 * @param certificate the device certificate, PEM
 * @param caChain the CA certificate (then its issuers, for an external intermediate CA), PEM each
 * @param replaces the credential this one rotates, or null
 * @param replacedUntil when the replaced credential stops working, or null
 */
public record IssuedCertificate(
    UUID id,
    String deviceId,
    String serial,
    String thumbprint,
    Instant notBefore,
    Instant notAfter,
    Instant createdAt,
    String certificate,
    List<String> caChain,
    @Nullable UUID replaces,
    @Nullable Instant replacedUntil) {}
