package org.iotplatform.registry.auth;

import org.jspecify.annotations.Nullable;

/**
 * @param name what the key is for, 1 to 200 characters
 * @param role {@code viewer}, {@code operator} or {@code admin}
 */
record CreateApiKeyRequest(@Nullable String name, @Nullable String role) {}
