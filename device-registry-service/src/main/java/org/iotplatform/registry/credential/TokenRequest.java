package org.iotplatform.registry.credential;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The optional body of {@code POST /api/v1/devices/{id}/credentials/tokens}.
 *
 * @param validity how long the token is valid (ISO-8601); null: until revoked
 * @param replaces the id of the device's token credential this one rotates, or null
 * @param overlap how long the replaced token keeps working; only with {@code replaces}
 */
public record TokenRequest(
    @Nullable Duration validity, @Nullable String replaces, @Nullable Duration overlap) {

  static final TokenRequest NONE = new TokenRequest(null, null, null);
}
