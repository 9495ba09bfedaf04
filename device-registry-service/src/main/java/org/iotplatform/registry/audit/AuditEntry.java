package org.iotplatform.registry.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One change of a device, as the history shows it.
 *
 * @param at when the change committed (the registry's clock)
 * @param actor who made it: the operator's JWT subject (an API key id, or a user of an external
 *     issuer), or {@code system} for the registry's own work
 * @param action what happened, such as {@code device.updated} or {@code credential.revoked}
 * @param details what changed; for updates each changed field with its {@code from} and {@code to}
 */
public record AuditEntry(
    Instant at, String actor, String action, Map<String, @Nullable Object> details) {

  public AuditEntry {
    // Not Map.copyOf: a change from or to null holds null values.
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
