package org.iotplatform.bridge.internal.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.iotplatform.bridge.internal.view.DeviceView;
import org.iotplatform.contracts.CredentialCheck;
import org.iotplatform.contracts.DeviceSnapshot;

/**
 * Ends sessions whose credential is no longer valid (ADR 0006): at once when a new snapshot (or a
 * tombstone) of their device arrives, and on a periodic re-check for credentials that end by the
 * clock (an expiry, or a rotation's end of overlap), when no record arrives. Thread-safe.
 */
public final class SessionRevoker {

  static final String REASON = "not authorized: the credential of this session was revoked";

  /** Disconnects a client with MQTT 5 NOT_AUTHORIZED (0x87) and a reason string. */
  @FunctionalInterface
  public interface Disconnector {
    void disconnect(String clientId, String reason);
  }

  private final DeviceView view;
  private final Sessions sessions;
  private final Disconnector disconnector;
  private final AuthMetrics metrics;
  private final Clock clock;

  public SessionRevoker(
      DeviceView view,
      Sessions sessions,
      Disconnector disconnector,
      AuthMetrics metrics,
      Clock clock) {
    this.view = view;
    this.sessions = sessions;
    this.disconnector = disconnector;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Re-checks the session of a device whose snapshot changed. */
  public void deviceChanged(String deviceId) {
    recheck(deviceId, clock.instant());
  }

  /** Re-checks every session against the clock. */
  public void recheckAll() {
    Instant now = clock.instant();
    sessions.clients().forEach(clientId -> recheck(clientId, now));
  }

  private void recheck(String clientId, Instant now) {
    sessions
        .credential(clientId)
        .filter(credentialId -> !stillValid(clientId, credentialId, now))
        .ifPresent(
            credentialId -> {
              // Conditional, so that a session that just authenticated with another credential
              // keeps its entry.
              if (sessions.closed(clientId, credentialId)) {
                metrics.sessionRevoked();
                disconnector.disconnect(clientId, REASON);
              }
            });
  }

  private boolean stillValid(String deviceId, String credentialId, Instant now) {
    return view.device(deviceId).map(DeviceSnapshot::credentials).stream()
        .flatMap(List::stream)
        .filter(c -> c.id().equals(credentialId))
        .anyMatch(c -> CredentialCheck.isValidAt(c, now));
  }
}
