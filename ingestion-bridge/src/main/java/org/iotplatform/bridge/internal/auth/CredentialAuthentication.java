package org.iotplatform.bridge.internal.auth;

import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.internal.auth.SessionRevoker.Disconnector;
import org.iotplatform.bridge.internal.view.DeviceView;
import org.iotplatform.bridge.internal.view.DeviceViewUpdater;
import org.iotplatform.bridge.internal.view.DeviceViews;

/**
 * Wires certificate and token authentication (mode {@code credentials}): the device view and the
 * thread reading it, the authenticator, and the revocation of open sessions.
 *
 * @param authenticator what the broker calls on every CONNECT
 * @param updater keeps the view current; {@link DeviceViewUpdater#stop()} it when the extension
 *     stops
 * @param view the device view, which knows each device's tenant
 */
public record CredentialAuthentication(
    CredentialAuthenticator authenticator, DeviceViewUpdater updater, DeviceView view) {

  /**
   * Builds and starts the feature.
   *
   * @param scheduler runs the periodic re-check of open sessions
   * @param disconnector ends a session whose credential ended
   */
  public static CredentialAuthentication start(
      BridgeConfig config,
      MetricRegistry metricRegistry,
      ScheduledExecutorService scheduler,
      Disconnector disconnector) {
    BridgeConfig.Auth auth = config.auth();
    Clock clock = Clock.systemUTC();
    DeviceView view = new DeviceView(auth.maxDevices());
    Sessions sessions = new Sessions();
    AuthMetrics metrics = new AuthMetrics(metricRegistry);
    CredentialAuthenticator authenticator =
        new CredentialAuthenticator(
            view,
            new CertificateAuthenticator(view, sessions, metrics, clock),
            TokenMatcher.argon2(auth.tokenCacheSize(), auth.tokenCacheExpiry()),
            new FailedAttempts(auth.maxFailedAttempts(), auth.failedAttemptsWindow()),
            sessions,
            metrics,
            clock);
    SessionRevoker revoker = new SessionRevoker(view, sessions, disconnector, metrics, clock);
    view.onChange(revoker::deviceChanged);
    long recheckMillis = auth.recheckInterval().toMillis();
    scheduler.scheduleAtFixedRate(
        revoker::recheckAll, recheckMillis, recheckMillis, TimeUnit.MILLISECONDS);
    DeviceViewUpdater updater =
        new DeviceViewUpdater(
            DeviceViews.consumer(config.bootstrapServers()), config.topics().devices(), view);
    Thread thread = new Thread(updater, "iot-bridge-device-view");
    thread.setDaemon(true); // never holds up the broker's shutdown
    thread.start();
    return new CredentialAuthentication(authenticator, updater, view);
  }
}
