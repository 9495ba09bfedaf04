package org.iotplatform.registry.auth;

import java.time.Instant;

/**
 * A new API key, the only answer that carries its full text.
 *
 * @param key {@code iotk_<id>_<secret>}: keep it; the registry stores only a hash and cannot show
 *     it again
 */
record CreatedApiKeyResponse(
    String id, String name, String role, Instant createdAt, String createdBy, String key) {}
