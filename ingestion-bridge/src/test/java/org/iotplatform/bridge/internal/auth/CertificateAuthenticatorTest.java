package org.iotplatform.bridge.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.codahale.metrics.MetricRegistry;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.iotplatform.bridge.internal.view.DeviceView;
import org.iotplatform.bridge.internal.view.TestSnapshots;
import org.iotplatform.bridge.internal.view.TestViews;
import org.iotplatform.testsupport.TestCertificates;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CertificateAuthenticatorTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final TestCertificates.Authority CA = TestCertificates.authority("test CA");

  private final DeviceView view = new DeviceView(10);
  private final Sessions sessions = new Sessions();
  private final MetricRegistry metrics = new MetricRegistry();
  private final CertificateAuthenticator underTest =
      new CertificateAuthenticator(
          view, sessions, new AuthMetrics(metrics), Clock.fixed(NOW, ZoneOffset.UTC));
  private final TestCertificates.Issued device = CA.issueClient("d-1");

  @Test
  void acceptsAListedValidCertificateAndRemembersTheCredential() {
    listed(device, null);

    SimpleAuthOutput output = connect("d-1", device);

    verify(output).authenticateSuccessfully();
    assertThat(sessions.credential("d-1")).contains("cert-1");
    assertThat(count("accepted")).isEqualTo(1);
  }

  @Test
  void refusesARevokedCertificateAsNotAuthorized() {
    listed(device, NOW.minusSeconds(1));

    SimpleAuthOutput output = connect("d-1", device);

    verify(output)
        .failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, CertificateAuthenticator.ENDED);
    assertThat(sessions.credential("d-1")).isEmpty();
    assertThat(count("refused.ended-credential")).isEqualTo(1);
  }

  @Test
  void refusesACertificateTheSnapshotDoesNotList() {
    listed(CA.issueClient("d-1"), null);

    SimpleAuthOutput output = connect("d-1", device);

    verify(output)
        .failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, CertificateAuthenticator.UNKNOWN);
    assertThat(count("refused.unknown-certificate")).isEqualTo(1);
  }

  @Test
  void refusesACertificateOfAnUnknownDevice() {
    listed(device, null);
    TestCertificates.Issued stranger = CA.issueClient("d-2");

    SimpleAuthOutput output = connect("d-2", stranger);

    verify(output)
        .failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, CertificateAuthenticator.UNKNOWN);
  }

  @Test
  void refusesAClientIdOtherThanTheCommonName() {
    listed(device, null);

    SimpleAuthOutput output = connect("d-2", device);

    verify(output)
        .failAuthentication(
            ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
            CertificateAuthenticator.CLIENT_ID_MISMATCH);
    assertThat(count("refused.certificate-subject")).isEqualTo(1);
  }

  @Test
  void refusesACertificateWhoseSubjectNamesNoDevice() {
    TestCertificates.Issued noDevice = CA.issueClient("not a device id");

    SimpleAuthOutput output = connect("d-1", noDevice);

    verify(output)
        .failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, CertificateAuthenticator.BAD_SUBJECT);
  }

  private void listed(TestCertificates.Issued certificate, @Nullable Instant revokedAt) {
    TestViews.ready(
        view,
        TestSnapshots.snapshot(
            "d-1", 1, TestSnapshots.certificate("cert-1", certificate.thumbprint(), revokedAt)));
  }

  private SimpleAuthOutput connect(String clientId, TestCertificates.Issued certificate) {
    SimpleAuthOutput output = mock(SimpleAuthOutput.class);
    underTest.authenticate(clientId, certificate.certificate(), output);
    return output;
  }

  private long count(String name) {
    return metrics.counter(AuthMetrics.PREFIX + name).getCount();
  }
}
