package org.iotplatform.registry.auth;

import org.jspecify.annotations.Nullable;

/**
 * @param apiKey the full key, {@code iotk_<id>_<secret>}
 */
record TokenRequest(@Nullable String apiKey) {}
