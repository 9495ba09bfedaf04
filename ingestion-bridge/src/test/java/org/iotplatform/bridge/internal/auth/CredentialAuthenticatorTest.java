package org.iotplatform.bridge.internal.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.codahale.metrics.MetricRegistry;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientInformation;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.iotplatform.bridge.internal.view.DeviceView;
import org.iotplatform.bridge.internal.view.TestSnapshots;
import org.iotplatform.bridge.internal.view.TestViews;
import org.iotplatform.testsupport.TestCertificates;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CredentialAuthenticatorTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final DeviceView view = new DeviceView(10);
  private final Sessions sessions = new Sessions();
  private final MetricRegistry metrics = new MetricRegistry();
  private final CredentialAuthenticator underTest =
      new CredentialAuthenticator(
          view,
          new CertificateAuthenticator(
              view, sessions, new AuthMetrics(metrics), Clock.fixed(NOW, ZoneOffset.UTC)),
          new TokenMatcher(10, Duration.ofHours(1), (t, hash) -> hash.equals("hash-of-" + t)),
          new FailedAttempts(2, Duration.ofMinutes(1)),
          sessions,
          new AuthMetrics(metrics),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void acceptsTheDevicesValidTokenAndRemembersTheCredential() {
    TestViews.ready(view, "d-1", "c-1", "hash-of-secret", null);

    SimpleAuthOutput output = connect("d-1", "d-1", "secret");

    verify(output).authenticateSuccessfully();
    assertThat(sessions.credential("d-1")).contains("c-1");
    assertThat(metrics.counter(AuthMetrics.PREFIX + "accepted").getCount()).isEqualTo(1);
  }

  @Test
  void refusesAWrongTokenAsBadUserNameOrPassword() {
    TestViews.ready(view, "d-1", "c-1", "hash-of-secret", null);

    SimpleAuthOutput output = connect("d-1", "d-1", "guess");

    verify(output)
        .failAuthentication(
            ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, CredentialAuthenticator.BAD_CREDENTIALS);
    assertThat(metrics.counter(AuthMetrics.PREFIX + "refused.bad-credentials").getCount())
        .isEqualTo(1);
  }

  @Test
  void refusesAnUnknownDeviceLikeAWrongToken() {
    TestViews.ready(view, "d-1", "c-1", "hash-of-secret", null);

    SimpleAuthOutput output = connect("d-2", "d-2", "secret");

    verify(output)
        .failAuthentication(
            ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, CredentialAuthenticator.BAD_CREDENTIALS);
  }

  @Test
  void refusesAUserNameOtherThanTheClientId() {
    TestViews.ready(view, "d-1", "c-1", "hash-of-secret", null);

    SimpleAuthOutput output = connect("d-1", "d-2", "secret");

    verify(output)
        .failAuthentication(
            ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, CredentialAuthenticator.BAD_CREDENTIALS);
  }

  @Test
  void refusesARevokedTokenAsNotAuthorized() {
    TestViews.ready(view, "d-1", "c-1", "hash-of-secret", NOW.minusSeconds(1));

    SimpleAuthOutput output = connect("d-1", "d-1", "secret");

    verify(output)
        .failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, CredentialAuthenticator.ENDED);
    assertThat(sessions.credential("d-1")).isEmpty();
  }

  @Test
  void refusesAClientThatFailedTooOftenUnlessItsTokenIsRemembered() {
    TestViews.ready(view, "d-1", "c-1", "hash-of-secret", null);
    connect("d-1", "d-1", "secret"); // remembered
    connect("d-1", "d-1", "guess-1");
    connect("d-1", "d-1", "guess-2");

    SimpleAuthOutput guess = connect("d-1", "d-1", "guess-3");
    SimpleAuthOutput device = connect("d-1", "d-1", "secret");

    verify(guess)
        .failAuthentication(
            ConnackReasonCode.QUOTA_EXCEEDED, CredentialAuthenticator.TOO_MANY_FAILURES);
    verify(device).authenticateSuccessfully();
  }

  @Test
  void refusesEveryoneAsServerUnavailableUntilTheViewIsReady() {
    SimpleAuthOutput output = connect("d-1", "d-1", "secret");

    verify(output)
        .failAuthentication(
            ConnackReasonCode.SERVER_UNAVAILABLE, CredentialAuthenticator.NOT_READY);
  }

  @Test
  void authenticatesAConnectionWithAClientCertificateByTheCertificateNotTheToken() {
    TestCertificates.Issued certificate = TestCertificates.authority("test CA").issueClient("d-1");
    TestViews.ready(
        view,
        TestSnapshots.snapshot(
            "d-1",
            1,
            TestSnapshots.token("c-1", "hash-of-secret", null),
            TestSnapshots.certificate("c-2", certificate.thumbprint(), null)));

    SimpleAuthOutput output = connect("d-1", "d-1", "guess", certificate.certificate());

    verify(output).authenticateSuccessfully();
    assertThat(sessions.credential("d-1")).contains("c-2");
  }

  private SimpleAuthOutput connect(String clientId, String userName, @Nullable String password) {
    return connect(clientId, userName, password, null);
  }

  private SimpleAuthOutput connect(
      String clientId,
      String userName,
      @Nullable String password,
      @Nullable X509Certificate certificate) {
    SimpleAuthInput input = mock(SimpleAuthInput.class);
    ConnectionInformation connection = mock(ConnectionInformation.class);
    ClientTlsInformation tls = mock(ClientTlsInformation.class);
    when(input.getConnectionInformation()).thenReturn(connection);
    when(connection.getClientTlsInformation())
        .thenReturn(certificate == null ? Optional.empty() : Optional.of(tls));
    when(tls.getClientCertificate()).thenReturn(Optional.ofNullable(certificate));
    ClientInformation client = mock(ClientInformation.class);
    ConnectPacket packet = mock(ConnectPacket.class);
    when(client.getClientId()).thenReturn(clientId);
    when(input.getClientInformation()).thenReturn(client);
    when(input.getConnectPacket()).thenReturn(packet);
    when(packet.getUserName()).thenReturn(Optional.of(userName));
    when(packet.getPassword())
        .thenReturn(Optional.ofNullable(password).map(p -> ByteBuffer.wrap(p.getBytes(UTF_8))));
    SimpleAuthOutput output = mock(SimpleAuthOutput.class);
    underTest.onConnect(input, output);
    return output;
  }
}
