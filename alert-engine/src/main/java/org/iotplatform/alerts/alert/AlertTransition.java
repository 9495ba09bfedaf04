package org.iotplatform.alerts.alert;

import java.util.UUID;
import org.iotplatform.contracts.AlertEvent;
import org.jspecify.annotations.Nullable;

/**
 * An alert event that changed an alert instance (not a replay), handed to every {@link
 * AlertTransitionListener} inside the transaction that stored it.
 *
 * @param alertInstanceId the alert's id in the REST API ({@link AlertIds#instanceId})
 * @param event the event as read from Kafka
 * @param silenceId the silence active for it, whose alerts are recorded but not notified; null when
 *     none matched
 */
public record AlertTransition(UUID alertInstanceId, AlertEvent event, @Nullable UUID silenceId) {

  public boolean silenced() {
    return silenceId != null;
  }
}
