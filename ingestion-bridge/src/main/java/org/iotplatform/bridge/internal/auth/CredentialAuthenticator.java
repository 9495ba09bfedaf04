package org.iotplatform.bridge.internal.auth;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.iotplatform.bridge.internal.view.DeviceView;
import org.iotplatform.contracts.CredentialCheck;
import org.iotplatform.contracts.DeviceSnapshot;
import org.iotplatform.contracts.DeviceSnapshot.Credential;

/**
 * Authenticates every CONNECT against the device view: with the client certificate when the
 * connection presented one over TLS ({@link CertificateAuthenticator}; user name and password are
 * then ignored), else with a token, on the plain or the TLS listener.
 *
 * <p>Token authentication (ADR 0006): client id = user name = device id, password = a token listed
 * and valid in the device's latest snapshot. Refusals use MQTT 5 reason codes with a reason string:
 * SERVER_UNAVAILABLE while the view is still loading, NOT_AUTHORIZED for a token that matches but
 * was revoked or expired, BAD_USER_NAME_OR_PASSWORD otherwise (an unknown device and a wrong token
 * look alike, so ids cannot be probed), and QUOTA_EXCEEDED once a client failed too often: then
 * only a token whose success is remembered (no Argon2) gets through, so a guesser cannot lock out
 * the device that knows its token.
 */
public final class CredentialAuthenticator implements SimpleAuthenticator {

  static final String NOT_READY = "device credentials are loading; retry shortly";
  static final String BAD_CREDENTIALS =
      "bad user name or password: user name and client id must be the device id, password its"
          + " token";
  static final String ENDED = "not authorized: the token was revoked or expired";
  static final String TOO_MANY_FAILURES = "too many failed attempts; retry later";

  private final DeviceView view;
  private final CertificateAuthenticator certificates;
  private final TokenMatcher matcher;
  private final FailedAttempts failedAttempts;
  private final Sessions sessions;
  private final AuthMetrics metrics;
  private final Clock clock;

  CredentialAuthenticator(
      DeviceView view,
      CertificateAuthenticator certificates,
      TokenMatcher matcher,
      FailedAttempts failedAttempts,
      Sessions sessions,
      AuthMetrics metrics,
      Clock clock) {
    this.view = view;
    this.certificates = certificates;
    this.matcher = matcher;
    this.failedAttempts = failedAttempts;
    this.sessions = sessions;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    if (!view.isReady()) {
      metrics.notReady();
      output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, NOT_READY);
      return;
    }
    String clientId = input.getClientInformation().getClientId();
    Optional<X509Certificate> certificate =
        input
            .getConnectionInformation()
            .getClientTlsInformation()
            .flatMap(ClientTlsInformation::getClientCertificate);
    if (certificate.isPresent()) {
      certificates.authenticate(clientId, certificate.get(), output);
      return;
    }
    ConnectPacket connect = input.getConnectPacket();
    Optional<String> token = connect.getPassword().map(CredentialAuthenticator::utf8);
    Optional<DeviceSnapshot> device = view.device(clientId);
    if (!connect.getUserName().filter(clientId::equals).isPresent()
        || token.isEmpty()
        || device.isEmpty()) {
      refuseBadCredentials(output);
      return;
    }
    Instant now = clock.instant();
    boolean exhausted = failedAttempts.exhausted(clientId);
    BiPredicate<String, String> matches =
        exhausted
            ? (t, hash) -> matcher.matchesRemembered(clientId, t, hash)
            : (t, hash) -> matcher.matches(clientId, t, hash);
    Optional<Credential> valid = CredentialCheck.token(device.get(), token.get(), now, matches);
    if (valid.isPresent()) {
      failedAttempts.succeeded(clientId);
      sessions.opened(clientId, valid.get().id());
      metrics.accepted();
      output.authenticateSuccessfully();
    } else if (exhausted) {
      metrics.tooManyFailures();
      output.failAuthentication(ConnackReasonCode.QUOTA_EXCEEDED, TOO_MANY_FAILURES);
    } else if (matchesEndedToken(clientId, device.get(), token.get(), now)) {
      metrics.endedCredential();
      output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, ENDED);
    } else {
      failedAttempts.failed(clientId);
      refuseBadCredentials(output);
    }
  }

  private boolean matchesEndedToken(
      String deviceId, DeviceSnapshot device, String token, Instant now) {
    return device.credentials().stream()
        .filter(c -> Credential.TOKEN.equals(c.kind()))
        .filter(c -> !CredentialCheck.isValidAt(c, now))
        .anyMatch(c -> c.tokenHash() != null && matcher.matches(deviceId, token, c.tokenHash()));
  }

  private void refuseBadCredentials(SimpleAuthOutput output) {
    metrics.badCredentials();
    output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, BAD_CREDENTIALS);
  }

  private static String utf8(ByteBuffer password) {
    ByteBuffer copy = password.asReadOnlyBuffer();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
