package org.iotplatform.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.HiveMqTlsListener.ClientAuthentication;
import org.iotplatform.testsupport.TestCertificates;
import org.iotplatform.testsupport.TestCertificates.Authority;
import org.iotplatform.testsupport.TestCertificates.Issued;
import org.iotplatform.testsupport.TestDevices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device authenticates by its X.509 certificate to a broker that requires one. */
class DeviceClientTlsIT {

  private static final Authority CA = TestCertificates.authority("sdk-tls-it-ca");

  @TempDir static Path brokerDir;

  private static HiveMqServer broker;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker =
        HiveMqServer.builder()
            .tls(CA.hiveMqListener(brokerDir, ClientAuthentication.REQUIRED))
            .start();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void connectsAndPublishesWithACertificateFromPemFiles() throws Exception {
    String id = TestDevices.createOne();
    Issued issued = CA.issueClient(id);
    TlsOptions tls =
        TlsOptions.builder()
            .trustedCertificates(CA.writeCertificatePem(dir.resolve("ca.pem")))
            .clientCertificate(
                issued.writeCertificatePem(dir.resolve("device.pem")),
                issued.writeKeyPem(dir.resolve("device.key")))
            .build();

    assertPublishes(id, tls);
  }

  @Test
  void connectsAndPublishesWithACertificateFromAKeyStore() throws Exception {
    String id = TestDevices.createOne();
    TlsOptions tls =
        TlsOptions.builder()
            .trustedCertificates(CA.writeCertificatePem(dir.resolve("ca.pem")))
            .keyStore(
                CA.issueClient(id).writeKeystore(dir.resolve("device.p12")),
                TestCertificates.STORE_PASSWORD.toCharArray())
            .build();

    assertPublishes(id, tls);
  }

  private static void assertPublishes(String id, TlsOptions tls) throws Exception {
    try (DeviceClient underTest =
        DeviceClient.builder()
            .deviceId(id)
            .endpoint("127.0.0.1", broker.tlsPort())
            .tls(tls)
            .build()) {
      underTest.connect().get(20, TimeUnit.SECONDS);

      PublishReceipt receipt =
          underTest
              .publish(TelemetryMessage.builder().metric("t", 1L).build())
              .get(20, TimeUnit.SECONDS);

      assertThat(receipt.sequence()).isEqualTo(1L);
      assertThat(underTest.state()).isEqualTo(ConnectionState.CONNECTED);
    }
  }
}
