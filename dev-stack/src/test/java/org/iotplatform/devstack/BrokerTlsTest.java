package org.iotplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.iotplatform.servers.HiveMqTlsListener;
import org.iotplatform.servers.HiveMqTlsListener.ClientAuthentication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerTlsTest {

  @TempDir Path var;

  @Test
  void writesAServerKeystoreOfTheCaAndATruststoreHoldingTheCa() throws Exception {
    PlatformCa ca = ca();

    HiveMqTlsListener underTest = BrokerTls.listener(ca, var.resolve("ca/broker"), 18883);

    assertThat(underTest.port()).isEqualTo(18883);
    assertThat(underTest.clientAuthentication()).isEqualTo(ClientAuthentication.OPTIONAL);
    KeyStore keys = load(underTest.keystore(), underTest.keystorePassword());
    X509Certificate server = (X509Certificate) keys.getCertificate("broker");
    server.verify(ca.certificate().getPublicKey());
    assertThat(keys.getKey("broker", underTest.keystorePassword().toCharArray())).isNotNull();
    KeyStore trust = load(underTest.truststore(), underTest.truststorePassword());
    assertThat(trust.getCertificate("platform-ca")).isEqualTo(ca.certificate());
  }

  @Test
  void keepsTheStoresAndTheirPasswordOwnerOnly() throws Exception {
    HiveMqTlsListener underTest = BrokerTls.listener(ca(), var.resolve("ca/broker"), 0);

    for (Path file :
        new Path[] {
          underTest.keystore(),
          underTest.truststore(),
          var.resolve("ca/broker").resolve(BrokerTls.PASSWORD_FILE)
        }) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
    }
    assertThat(underTest.keystorePassword()).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void reusesTheStoresOnTheNextStart() throws Exception {
    PlatformCa ca = ca();
    HiveMqTlsListener first = BrokerTls.listener(ca, var.resolve("ca/broker"), 0);
    byte[] keystore = Files.readAllBytes(first.keystore());

    HiveMqTlsListener underTest = BrokerTls.listener(ca, var.resolve("ca/broker"), 0);

    assertThat(underTest.keystorePassword()).isEqualTo(first.keystorePassword());
    assertThat(Files.readAllBytes(underTest.keystore())).isEqualTo(keystore);
  }

  @Test
  void writesTheStoresAgainForAnotherCa() throws Exception {
    HiveMqTlsListener first = BrokerTls.listener(ca(), var.resolve("ca/broker"), 0);
    PlatformCa other = PlatformCa.loadOrCreate(var.resolve("other-ca"), var.resolve("none"));

    HiveMqTlsListener underTest = BrokerTls.listener(other, var.resolve("ca/broker"), 0);

    assertThat(underTest.keystorePassword()).isNotEqualTo(first.keystorePassword());
    X509Certificate server =
        (X509Certificate)
            load(underTest.keystore(), underTest.keystorePassword()).getCertificate("broker");
    server.verify(other.certificate().getPublicKey());
  }

  private PlatformCa ca() {
    return PlatformCa.loadOrCreate(var.resolve("ca"), var.resolve("registry/ca"));
  }

  private static KeyStore load(Path file, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }
}
