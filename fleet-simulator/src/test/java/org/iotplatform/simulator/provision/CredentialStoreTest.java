package org.iotplatform.simulator.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.iotplatform.simulator.DeviceCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

  @TempDir Path stateDir;

  @Test
  void keepsOneDirectoryPerRegistry() {
    assertThat(
            CredentialStore.forRegistry(stateDir, URI.create("http://127.0.0.1:18081")).directory())
        .isEqualTo(stateDir.resolve("127.0.0.1_18081"));
    assertThat(
            CredentialStore.forRegistry(stateDir, URI.create("https://registry.example"))
                .directory())
        .isEqualTo(stateDir.resolve("registry.example_443"));
  }

  @Test
  void writesTokensForTheOwnerOnlyAndReadsThemBack() throws Exception {
    CredentialStore underTest = new CredentialStore(stateDir.resolve("registry"));

    DeviceCredential saved = underTest.saveToken("sim-00001", "secret");

    assertThat(underTest.load("sim-00001", CredentialKind.TOKEN)).contains(saved);
    assertThat(underTest.load("sim-00001", CredentialKind.CERTIFICATE)).isEmpty();
    assertThat(underTest.load("sim-00002", CredentialKind.TOKEN)).isEmpty();
    assertThat(permissions(underTest.directory())).isEqualTo("rwx------");
    assertThat(permissions(underTest.directory().resolve("sim-00001.token")))
        .isEqualTo("rw-------");
  }

  @Test
  void keepsACertificateWithItsKey() throws Exception {
    CredentialStore underTest = new CredentialStore(stateDir.resolve("registry"));

    DeviceCredential saved = underTest.saveCertificate("sim-00001", "CERT", "KEY");

    assertThat(underTest.load("sim-00001", CredentialKind.CERTIFICATE)).contains(saved);
    DeviceCredential.Certificate certificate = (DeviceCredential.Certificate) saved;
    assertThat(Files.readString(certificate.certificatePem())).isEqualTo("CERT");
    assertThat(Files.readString(certificate.privateKeyPem())).isEqualTo("KEY");
    assertThat(permissions(certificate.privateKeyPem())).isEqualTo("rw-------");
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
