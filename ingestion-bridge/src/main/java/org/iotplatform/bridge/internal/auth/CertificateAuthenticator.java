package org.iotplatform.bridge.internal.auth;

import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.iotplatform.bridge.internal.view.DeviceView;
import org.iotplatform.contracts.CredentialCheck;
import org.iotplatform.contracts.DeviceSnapshot;
import org.iotplatform.contracts.DeviceSnapshot.Credential;

/**
 * Certificate authentication (ADR 0006, ADR 0015): the TLS listener has verified the chain to the
 * platform CA; here the subject must be {@code CN=<device id>}, the client id that device id, and
 * the certificate's thumbprint a certificate credential of the device's latest snapshot that is
 * valid now. The snapshot is an allow-list: a certificate that chains but is not listed is refused.
 *
 * <p>Reason codes: CLIENT_IDENTIFIER_NOT_VALID when the client id is not the certificate's CN (the
 * device holds a certificate of the CA, so telling it what to fix reveals nothing); NOT_AUTHORIZED
 * for everything else (no usable CN, unknown device, certificate not listed, revoked or expired).
 * Thread-safe.
 */
final class CertificateAuthenticator {

  static final String BAD_SUBJECT =
      "not authorized: the certificate's subject must be CN=<device id>";
  static final String CLIENT_ID_MISMATCH =
      "client identifier not valid: the client id must be the certificate's CN (the device id)";
  static final String UNKNOWN = "not authorized: the certificate is not a credential of the device";
  static final String ENDED = "not authorized: the certificate was revoked or expired";

  private final DeviceView view;
  private final Sessions sessions;
  private final AuthMetrics metrics;
  private final Clock clock;

  CertificateAuthenticator(DeviceView view, Sessions sessions, AuthMetrics metrics, Clock clock) {
    this.view = view;
    this.sessions = sessions;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Decides the CONNECT of {@code clientId}, which presented {@code certificate}. */
  void authenticate(String clientId, X509Certificate certificate, SimpleAuthOutput output) {
    Optional<String> deviceId = CertificateSubject.deviceId(certificate);
    if (deviceId.isEmpty()) {
      refuse(output, ConnackReasonCode.NOT_AUTHORIZED, BAD_SUBJECT);
      return;
    }
    if (!deviceId.get().equals(clientId)) {
      refuse(output, ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, CLIENT_ID_MISMATCH);
      return;
    }
    Optional<String> thumbprint = thumbprint(certificate);
    Optional<DeviceSnapshot> device = view.device(clientId);
    if (thumbprint.isEmpty() || device.isEmpty()) {
      refuseUnknown(output);
      return;
    }
    Instant now = clock.instant();
    Optional<Credential> valid = CredentialCheck.certificate(device.get(), thumbprint.get(), now);
    if (valid.isPresent()) {
      sessions.opened(clientId, valid.get().id());
      metrics.accepted();
      output.authenticateSuccessfully();
    } else if (isListed(device.get(), thumbprint.get())) {
      metrics.endedCredential();
      output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, ENDED);
    } else {
      refuseUnknown(output);
    }
  }

  private void refuse(SimpleAuthOutput output, ConnackReasonCode code, String reason) {
    metrics.certificateSubject();
    output.failAuthentication(code, reason);
  }

  private void refuseUnknown(SimpleAuthOutput output) {
    metrics.unknownCertificate();
    output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, UNKNOWN);
  }

  private static boolean isListed(DeviceSnapshot device, String thumbprint) {
    return device.credentials().stream()
        .filter(c -> Credential.CERTIFICATE.equals(c.kind()))
        .anyMatch(c -> thumbprint.equalsIgnoreCase(c.thumbprint()));
  }

  private static Optional<String> thumbprint(X509Certificate certificate) {
    try {
      return Optional.of(CredentialCheck.thumbprint(certificate.getEncoded()));
    } catch (CertificateEncodingException e) {
      return Optional.empty(); // it was decoded from the handshake, so it encodes; refuse if not
    }
  }
}
