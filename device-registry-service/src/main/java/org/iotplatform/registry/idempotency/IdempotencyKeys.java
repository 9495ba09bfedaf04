package org.iotplatform.registry.idempotency;

import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;

/** Checks the value of an {@code Idempotency-Key} header. */
final class IdempotencyKeys {

  static final int MAX_LENGTH = 255;

  private IdempotencyKeys() {}

  /**
   * The key, taken as an opaque string; 400 {@code idempotency.invalid-key} unless it is 1 to 255
   * visible ASCII characters (a UUID, a hash, a quoted string all qualify).
   */
  static String check(String key) {
    if (key.isEmpty()
        || key.length() > MAX_LENGTH
        || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      throw new ApiException(
          RegistryError.IDEMPOTENCY_INVALID_KEY,
          "Idempotency-Key '" + abbreviate(key) + "' is not 1 to 255 visible ASCII characters.");
    }
    return key;
  }

  private static String abbreviate(String key) {
    return key.length() <= 40 ? key : key.substring(0, 40) + "...";
  }
}
