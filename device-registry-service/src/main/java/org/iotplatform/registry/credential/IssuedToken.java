package org.iotplatform.registry.credential;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A token just made: the only time it is shown. The registry keeps only its hash.
 *
 * @param token the secret: the MQTT password of the device
 * @param notAfter when it expires, or null: until revoked
 * @param replaces the credential this one rotates, or null
 * @param replacedUntil when the replaced credential stops working, or null
 */
public record IssuedToken(
    UUID id,
    String deviceId,
    String token,
    @Nullable Instant notAfter,
    Instant createdAt,
    @Nullable UUID replaces,
    @Nullable Instant replacedUntil) {

  /** Without the token, should anything log this answer. */
  @Override
  public String toString() {
    return "IssuedToken[id=" + id + ", deviceId=" + deviceId + ", token=(hidden)]";
  }
}
