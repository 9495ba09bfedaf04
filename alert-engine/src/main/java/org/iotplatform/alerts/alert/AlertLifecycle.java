package org.iotplatform.alerts.alert;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iotplatform.contracts.AlertEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies alert events to alert instances, idempotently: an event whose {@code eventId} is stored
 * already changes nothing (and notifies nobody). A FIRED event creates its alert active; a RESOLVED
 * one resolves it, or creates it resolved when its FIRED event was never seen. A FIRED event of an
 * alert that exists only adds to its history.
 */
@Service
public class AlertLifecycle {

  private final AlertRepository alerts;
  private final SilenceCheck silences;
  private final List<AlertTransitionListener> listeners;
  private final Clock clock;

  AlertLifecycle(
      AlertRepository alerts,
      ObjectProvider<SilenceCheck> silences,
      ObjectProvider<AlertTransitionListener> listeners,
      ObjectProvider<Clock> clock) {
    this.alerts = alerts;
    this.silences = silences.getIfAvailable(() -> SilenceCheck.NONE);
    this.listeners = listeners.orderedStream().toList();
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** Applies the events in order in one transaction; returns how many changed an alert. */
  @Transactional
  public int apply(List<AlertEvent> events) {
    int applied = 0;
    for (AlertEvent event : events) {
      if (applyOne(event)) {
        applied++;
      }
    }
    return applied;
  }

  /** Whether PostgreSQL answers a trivial query, to tell a refused event from an outage. */
  public boolean databaseAnswers() {
    try {
      alerts.ping();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean applyOne(AlertEvent event) {
    UUID id = AlertIds.instanceId(event.tenantId(), event.alertId());
    boolean resolved = AlertEvent.RESOLVED.equals(event.kind());
    Optional<UUID> silence =
        silences.silenceFor(event.tenantId(), event.ruleId(), event.deviceId(), event.at());
    @Nullable UUID silenceId = silence.orElse(null);
    boolean created =
        alerts.insertIfAbsent(
            id,
            event,
            resolved ? AlertState.RESOLVED : AlertState.ACTIVE,
            silenceId,
            clock.instant());
    if (!alerts.appendTransition(
        id, event.eventId(), event.kind(), event.at(), null, event.reason(), silenceId)) {
      return false;
    }
    if (resolved && !created) {
      alerts.resolve(id, event.at(), event.reason(), clock.instant());
    }
    AlertTransition transition = new AlertTransition(id, event, silenceId);
    listeners.forEach(listener -> listener.onTransition(transition));
    return true;
  }
}
