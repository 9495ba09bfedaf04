package org.iotplatform.registry.auth;

import java.time.Instant;

/**
 * A signed JWT.
 *
 * @param value the compact serialization, sent as {@code Authorization: Bearer <value>}
 * @param expiresAt when resource servers stop accepting it
 */
public record IssuedToken(String value, Instant expiresAt) {}
