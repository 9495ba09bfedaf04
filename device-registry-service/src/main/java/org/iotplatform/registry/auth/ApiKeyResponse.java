package org.iotplatform.registry.auth;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An API key as listed: never its secret.
 *
 * @param id what the key's text starts with after {@code iotk_}, and the {@code sub} of its tokens
 * @param name what the admin called it
 * @param role {@code viewer}, {@code operator} or {@code admin}
 * @param createdBy the subject of the caller that created it ({@code bootstrap} for the first)
 * @param lastUsedAt the last exchange for a token, or null
 * @param revokedAt when it was revoked, or null while it works
 */
record ApiKeyResponse(
    String id,
    String name,
    String role,
    Instant createdAt,
    String createdBy,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt) {}
