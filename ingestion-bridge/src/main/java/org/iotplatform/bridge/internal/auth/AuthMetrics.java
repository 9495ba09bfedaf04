package org.iotplatform.bridge.internal.auth;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;

/** Counts of CONNECTs accepted and refused by reason, and of sessions ended by a revocation. */
public final class AuthMetrics {

  static final String PREFIX = "org.iotplatform.bridge.auth.";

  private final Counter accepted;
  private final Counter badCredentials;
  private final Counter endedCredential;
  private final Counter notReady;
  private final Counter tooManyFailures;
  private final Counter certificateSubject;
  private final Counter unknownCertificate;
  private final Counter revokedSessions;

  public AuthMetrics(MetricRegistry registry) {
    this.accepted = registry.counter(PREFIX + "accepted");
    this.badCredentials = registry.counter(PREFIX + "refused.bad-credentials");
    this.endedCredential = registry.counter(PREFIX + "refused.ended-credential");
    this.notReady = registry.counter(PREFIX + "refused.not-ready");
    this.tooManyFailures = registry.counter(PREFIX + "refused.too-many-failures");
    this.certificateSubject = registry.counter(PREFIX + "refused.certificate-subject");
    this.unknownCertificate = registry.counter(PREFIX + "refused.unknown-certificate");
    this.revokedSessions = registry.counter(PREFIX + "sessions.revoked");
  }

  void accepted() {
    accepted.inc();
  }

  void badCredentials() {
    badCredentials.inc();
  }

  void endedCredential() {
    endedCredential.inc();
  }

  void notReady() {
    notReady.inc();
  }

  void tooManyFailures() {
    tooManyFailures.inc();
  }

  /** A certificate without a usable CN, or a CN other than the client id. */
  void certificateSubject() {
    certificateSubject.inc();
  }

  /** A certificate of an unknown device, or not listed in the device's snapshot. */
  void unknownCertificate() {
    unknownCertificate.inc();
  }

  void sessionRevoked() {
    revokedSessions.inc();
  }
}
