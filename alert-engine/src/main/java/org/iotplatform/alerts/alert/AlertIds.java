package org.iotplatform.alerts.alert;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The URL-safe id of an alert instance. {@code AlertEvent.alertId} contains slashes, so the REST
 * API names an alert by a name-based UUID of its tenant and alertId instead: the same on every
 * replay and every instance of the service, and no lookup table is needed.
 */
public final class AlertIds {

  private AlertIds() {}

  /** The instance id of the tenant's alert {@code alertId}. */
  public static UUID instanceId(String tenantId, String alertId) {
    return UUID.nameUUIDFromBytes((tenantId + "\n" + alertId).getBytes(StandardCharsets.UTF_8));
  }
}
