package org.iotplatform.registry.credential.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.iotplatform.registry.credential.TestCsrs;
import org.iotplatform.testsupport.TestInstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaStoreTest {

  private static final Clock CLOCK = Clock.fixed(TestInstants.T0, ZoneOffset.UTC);

  @TempDir Path temp;

  @Test
  void generatesACaAtFirstStartWithAnOwnerOnlyKey() throws Exception {
    Path directory = temp.resolve("var/registry/ca");

    CertificateAuthority underTest = CaStore.load(generated(directory), CLOCK);

    assertThat(directory.resolve(CaStore.CERTIFICATE_FILE)).exists();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve(CaStore.KEY_FILE))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
        .isEqualTo("rwx------");
    assertThat(underTest.certificate().getNotBefore().toInstant())
        .isEqualTo(TestInstants.T0.minus(CaStore.BACKDATE));
    assertThat(underTest.certificate().getNotAfter().toInstant())
        .isEqualTo(TestInstants.T0.plus(Duration.ofDays(3650)));
    assertThat(Files.readString(directory.resolve(CaStore.KEY_FILE)))
        .startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void loadsTheSameCaAfterARestart() throws Exception {
    Path directory = temp.resolve("ca");
    CertificateAuthority first = CaStore.load(generated(directory), CLOCK);
    byte[] keyFile = Files.readAllBytes(directory.resolve(CaStore.KEY_FILE));

    CertificateAuthority underTest =
        CaStore.load(generated(directory), Clock.offset(CLOCK, Duration.ofDays(2)));

    assertThat(underTest.certificate().getEncoded()).isEqualTo(first.certificate().getEncoded());
    assertThat(underTest.key().getEncoded()).isEqualTo(first.key().getEncoded());
    assertThat(Files.readAllBytes(directory.resolve(CaStore.KEY_FILE))).isEqualTo(keyFile);
  }

  @Test
  void refusesToStartFromHalfACa() throws Exception {
    Path directory = temp.resolve("ca");
    CaStore.load(generated(directory), CLOCK);
    Files.delete(directory.resolve(CaStore.CERTIFICATE_FILE));

    assertThatThrownBy(() -> CaStore.load(generated(directory), CLOCK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(CaStore.KEY_FILE)
        .hasMessageContaining("Restore");
    assertThat(directory.resolve(CaStore.CERTIFICATE_FILE)).doesNotExist();
  }

  @Test
  void usesAnExternalCaAndWritesNothingToTheDirectory() throws Exception {
    Path external = temp.resolve("external");
    CertificateAuthority made = CaStore.load(generated(external), CLOCK);
    Path unused = temp.resolve("unused");

    CertificateAuthority underTest =
        CaStore.load(
            new CaProperties(
                unused,
                external.resolve(CaStore.CERTIFICATE_FILE),
                external.resolve(CaStore.KEY_FILE),
                "CN=ignored",
                Duration.ofDays(1)),
            CLOCK);

    assertThat(underTest.certificate()).isEqualTo(made.certificate());
    assertThat(unused).doesNotExist();
  }

  @Test
  void readsAnExternalKeyInSec1Format() throws Exception {
    Path external = temp.resolve("external");
    CertificateAuthority made = CaStore.load(generated(external), CLOCK);
    Path sec1 = temp.resolve("ca-sec1.pem");
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      // JcaPEMWriter writes an EC key as 'BEGIN EC PRIVATE KEY', as openssl ecparam -genkey does.
      writer.writeObject(made.key());
    }
    Files.writeString(sec1, text.toString(), StandardCharsets.US_ASCII);

    CertificateAuthority underTest =
        CaStore.load(
            new CaProperties(
                temp.resolve("unused"),
                external.resolve(CaStore.CERTIFICATE_FILE),
                sec1,
                "CN=ignored",
                Duration.ofDays(1)),
            CLOCK);

    assertThat(text.toString()).startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(underTest.certificate()).isEqualTo(made.certificate());
  }

  @Test
  void refusesAnExternalKeyThatIsNotTheCasKey() throws Exception {
    Path external = temp.resolve("external");
    CaStore.load(generated(external), CLOCK);
    Path otherKey = temp.resolve("other.key.pem");
    KeyPair other = TestCsrs.ecKeyPair();
    Files.writeString(otherKey, Pem.of(other.getPrivate()), StandardCharsets.US_ASCII);

    assertThatThrownBy(
            () ->
                CaStore.load(
                    new CaProperties(
                        temp.resolve("unused"),
                        external.resolve(CaStore.CERTIFICATE_FILE),
                        otherKey,
                        "CN=ignored",
                        Duration.ofDays(1)),
                    CLOCK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void refusesAnExternalCertificateFileWithoutCertificates() throws Exception {
    Path external = temp.resolve("external");
    CaStore.load(generated(external), CLOCK);
    Path empty = Files.writeString(temp.resolve("empty.pem"), "nothing here\n");

    assertThatThrownBy(
            () ->
                CaStore.load(
                    new CaProperties(
                        temp.resolve("unused"),
                        empty,
                        external.resolve(CaStore.KEY_FILE),
                        "CN=ignored",
                        Duration.ofDays(1)),
                    CLOCK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no PEM certificate");
  }

  private static CaProperties generated(Path directory) {
    return new CaProperties(directory, null, null, "CN=Test device CA", Duration.ofDays(3650));
  }
}
