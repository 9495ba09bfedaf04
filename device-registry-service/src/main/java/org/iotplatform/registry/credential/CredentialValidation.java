package org.iotplatform.registry.credential;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;

/** Checks what callers send about credentials and says which part is wrong. */
final class CredentialValidation {

  private CredentialValidation() {}

  /** The requested validity, or {@code fallback} when none is requested. */
  static Duration validity(@Nullable Duration requested, Duration fallback, Duration max) {
    Duration validity = requested == null ? fallback : requested;
    if (validity.isNegative() || validity.isZero()) {
      throw invalid("validity must be positive, e.g. P365D.");
    }
    if (validity.compareTo(max) > 0) {
      throw invalid("validity is at most " + max.toDays() + " days.");
    }
    return validity;
  }

  /** The requested validity, or null (valid until revoked) when none is requested. */
  static @Nullable Duration optionalValidity(@Nullable Duration requested, Duration max) {
    return requested == null ? null : validity(requested, requested, max);
  }

  /** The overlap of a rotation; an overlap without {@code replaces} is refused. */
  static Duration overlap(
      @Nullable String replaces, @Nullable Duration requested, Duration fallback, Duration max) {
    if (replaces == null) {
      if (requested != null) {
        throw invalid("overlap needs replaces: the credential that keeps working meanwhile.");
      }
      return Duration.ZERO;
    }
    Duration overlap = requested == null ? fallback : requested;
    if (overlap.isNegative() || overlap.compareTo(max) > 0) {
      throw invalid("overlap must be between PT0S and " + max + ".");
    }
    return overlap;
  }

  /** The UUID, or empty when the text is none: then it cannot name any credential. */
  static Optional<UUID> credentialId(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ApiException invalid(String problem) {
    return new ApiException(RegistryError.CREDENTIAL_INVALID, problem);
  }
}
