package org.iotplatform.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotplatform.testsupport.TestCertificates;
import org.iotplatform.testsupport.TestCertificates.Authority;
import org.iotplatform.testsupport.TestCertificates.Issued;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration mistakes are reported by {@code build()}, before any connection is tried. */
class DeviceClientBuilderTest {

  private static final Authority CA = TestCertificates.authority("sdk-test-ca");

  @TempDir Path dir;

  private DeviceClientBuilder device(String id) {
    return DeviceClient.builder().deviceId(id).endpoint("127.0.0.1", 1);
  }

  @Test
  void refusesAnInvalidDeviceId() {
    assertThatThrownBy(() -> device("no spaces").token("t").build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("device id");
  }

  @Test
  void refusesAClientWithoutEndpoint() {
    assertThatThrownBy(() -> DeviceClient.builder().deviceId("d-1").token("t").build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("no broker endpoint");
  }

  @Test
  void refusesAClientWithoutCredentials() {
    assertThatThrownBy(() -> device("d-1").build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("has no credential");
  }

  @Test
  void refusesATokenAndACertificateTogether() {
    Issued issued = CA.issueClient("d-1");
    TlsOptions tls =
        TlsOptions.builder()
            .clientCertificate(
                issued.writeCertificatePem(dir.resolve("d.pem")),
                issued.writeKeyPem(dir.resolve("d.key")))
            .build();

    assertThatThrownBy(() -> device("d-1").token("t").tls(tls).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("give one of them");
  }

  @Test
  void refusesAMissingKeyFileNamingIt() {
    Path certificate = CA.issueClient("d-1").writeCertificatePem(dir.resolve("d.pem"));
    Path missing = dir.resolve("missing.key");

    assertThatThrownBy(
            () ->
                device("d-1")
                    .tls(TlsOptions.builder().clientCertificate(certificate, missing).build())
                    .build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void refusesACertificateIssuedToAnotherDevice() {
    Issued other = CA.issueClient("d-2");
    TlsOptions tls =
        TlsOptions.builder()
            .clientCertificate(
                other.writeCertificatePem(dir.resolve("d.pem")),
                other.writeKeyPem(dir.resolve("d.key")))
            .build();

    assertThatThrownBy(() -> device("d-1").tls(tls).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("issued to CN=d-2, not to device d-1");
  }

  @Test
  void refusesAKeyThatDoesNotBelongToTheCertificate() {
    TlsOptions tls =
        TlsOptions.builder()
            .clientCertificate(
                CA.issueClient("d-1").writeCertificatePem(dir.resolve("d.pem")),
                CA.issueClient("d-1").writeKeyPem(dir.resolve("d.key")))
            .build();

    assertThatThrownBy(() -> device("d-1").tls(tls).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("does not belong to the certificate");
  }

  @Test
  void explainsHowToConvertAKeyInTheTraditionalFormat() throws Exception {
    Path certificate = CA.issueClient("d-1").writeCertificatePem(dir.resolve("d.pem"));
    Path key =
        Files.writeString(
            dir.resolve("d.key"),
            "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n");

    assertThatThrownBy(
            () ->
                device("d-1")
                    .tls(TlsOptions.builder().clientCertificate(certificate, key).build())
                    .build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("traditional format")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void refusesAKeyStoreWithTheWrongPassword() {
    Path store = CA.issueClient("d-1").writeKeystore(dir.resolve("d.p12"));

    assertThatThrownBy(
            () ->
                device("d-1")
                    .tls(TlsOptions.builder().keyStore(store, "wrong".toCharArray()).build())
                    .build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("wrong password");
  }

  @Test
  void refusesAMissingTrustFile() {
    Path missing = dir.resolve("ca.pem");

    assertThatThrownBy(
            () ->
                device("d-1")
                    .token("t")
                    .tls(TlsOptions.builder().trustedCertificates(missing).build())
                    .build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(missing.toString());
  }
}
