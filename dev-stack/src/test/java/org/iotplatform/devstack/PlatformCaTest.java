package org.iotplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCaTest {

  @TempDir Path var;

  @Test
  void generatesTheCaAtFirstStartAndLoadsTheSameOneAfterwards() throws Exception {
    PlatformCa first = PlatformCa.loadOrCreate(var.resolve("ca"), var.resolve("registry/ca"));

    PlatformCa underTest = PlatformCa.loadOrCreate(var.resolve("ca"), var.resolve("registry/ca"));

    assertThat(underTest.certificate()).isEqualTo(first.certificate());
    assertThat(underTest.certificate().getBasicConstraints()).as("a CA, path length 0").isZero();
    assertThat(underTest.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
    // The loaded key is the generated one: what it signs verifies with the certificate.
    underTest
        .issueServer(PlatformCa.newKeyPair().getPublic(), Duration.ofDays(1))
        .verify(first.certificate().getPublicKey());
    assertThat(Files.readString(underTest.keyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void keepsTheKeyReadableByItsOwnerOnly() throws Exception {
    PlatformCa underTest = PlatformCa.loadOrCreate(var.resolve("ca"), var.resolve("registry/ca"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(underTest.keyFile())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(var.resolve("ca"))))
        .isEqualTo("rwx------");
  }

  @Test
  void takesOverTheCaThatTheRegistryGeneratedInAnOlderStack() throws Exception {
    PlatformCa older = PlatformCa.loadOrCreate(var.resolve("registry/ca"), var.resolve("none"));

    PlatformCa underTest = PlatformCa.loadOrCreate(var.resolve("ca"), var.resolve("registry/ca"));

    assertThat(underTest.certificate()).isEqualTo(older.certificate());
    assertThat(underTest.certificateFile()).isEqualTo(var.resolve("ca/ca.crt.pem"));
  }

  @Test
  void refusesToReplaceHalfACa() throws Exception {
    PlatformCa ca = PlatformCa.loadOrCreate(var.resolve("ca"), var.resolve("registry/ca"));
    Files.delete(ca.keyFile());

    assertThatThrownBy(() -> PlatformCa.loadOrCreate(var.resolve("ca"), var.resolve("none")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only one of");
  }

  @Test
  void signsAServerCertificateForTheLoopbackAddressAndLocalhost() throws Exception {
    PlatformCa ca = PlatformCa.loadOrCreate(var.resolve("ca"), var.resolve("registry/ca"));
    KeyPair server = PlatformCa.newKeyPair();

    X509Certificate underTest = ca.issueServer(server.getPublic(), Duration.ofDays(365));

    underTest.verify(ca.certificate().getPublicKey());
    assertThat(underTest.getIssuerX500Principal())
        .isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(underTest.getBasicConstraints()).as("no CA").isEqualTo(-1);
    assertThat(underTest.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(underTest.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(List.of(7, "127.0.0.1"), List.of(2, "localhost"));
  }
}
