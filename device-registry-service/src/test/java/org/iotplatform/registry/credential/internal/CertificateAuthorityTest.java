package org.iotplatform.registry.credential.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.security.auth.x500.X500Principal;
import org.iotplatform.registry.credential.TestCsrs;
import org.iotplatform.testsupport.TestInstants;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

  private static final Instant NOT_BEFORE = TestInstants.T0;
  private static final Instant NOT_AFTER = TestInstants.T0.plus(Duration.ofDays(365));

  private final CertificateAuthority underTest =
      CertificateAuthority.generate(
          "CN=Test device CA",
          TestInstants.T0.minus(Duration.ofDays(1)),
          Instant.parse("2034-01-01T00:00:00Z"));

  @Test
  void generatesASelfSignedCaCertificate() throws Exception {
    X509Certificate ca = underTest.certificate();

    ca.verify(ca.getPublicKey());
    assertThat(ca.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=Test device CA"));
    assertThat(ca.getBasicConstraints()).as("a CA that signs only end entities").isZero();
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
  }

  @Test
  void issuesAClientCertificateThatChainsToTheCaCertificate() throws Exception {
    KeyPair device = TestCsrs.ecKeyPair();
    DeviceCsr csr = DeviceCsr.parse(TestCsrs.csr("thermo-1", device)).requireDevice("thermo-1");

    X509Certificate issued = underTest.issue(csr, "thermo-1", NOT_BEFORE, NOT_AFTER);

    var validator = CertPathValidator.getInstance("PKIX");
    var parameters = new PKIXParameters(Set.of(new TrustAnchor(underTest.certificate(), null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(NOT_BEFORE.plus(Duration.ofDays(1))));
    var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(issued));
    validator.validate(path, parameters);
  }

  @Test
  void issuesForTheDeviceWithTheCsrsKeyAndOnlyClientUse() throws Exception {
    KeyPair device = TestCsrs.ecKeyPair();
    DeviceCsr csr = DeviceCsr.parse(TestCsrs.csr("thermo-1", device));

    X509Certificate issued = underTest.issue(csr, "thermo-1", NOT_BEFORE, NOT_AFTER);

    assertThat(issued.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=thermo-1"));
    assertThat(issued.getIssuerX500Principal())
        .isEqualTo(underTest.certificate().getSubjectX500Principal());
    assertThat(issued.getPublicKey()).isEqualTo(device.getPublic());
    assertThat(issued.getNotBefore().toInstant()).isEqualTo(NOT_BEFORE);
    assertThat(issued.getNotAfter().toInstant()).isEqualTo(NOT_AFTER);
    assertThat(issued.getBasicConstraints()).as("no CA").isEqualTo(-1);
    assertThat(issued.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    boolean[] keyUsage = issued.getKeyUsage();
    assertThat(keyUsage[0]).as("digitalSignature").isTrue();
    assertThat(IntStream.range(1, keyUsage.length).filter(i -> keyUsage[i])).as("others").isEmpty();
    assertThat(issued.getSerialNumber()).isPositive();
  }

  @Test
  void givesEveryCertificateItsOwnRandomSerial() {
    DeviceCsr csr = DeviceCsr.parse(TestCsrs.csr("thermo-1", TestCsrs.ecKeyPair()));

    Set<BigInteger> serials =
        IntStream.range(0, 20)
            .mapToObj(
                i -> underTest.issue(csr, "thermo-1", NOT_BEFORE, NOT_AFTER).getSerialNumber())
            .collect(Collectors.toSet());

    assertThat(serials).hasSize(20);
    assertThat(serials).allMatch(serial -> serial.bitLength() > 64);
  }

  @Test
  void refusesAKeyThatIsNotTheCertificatesKey() {
    CertificateAuthority other = CertificateAuthority.generate("CN=Other", NOT_BEFORE, NOT_AFTER);

    assertThatThrownBy(() -> new CertificateAuthority(other.key(), underTest.chain()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void refusesACertificateThatIsNoCa() {
    KeyPair device = TestCsrs.ecKeyPair();
    X509Certificate leaf =
        underTest.issue(
            DeviceCsr.parse(TestCsrs.csr("thermo-1", device)), "thermo-1", NOT_BEFORE, NOT_AFTER);

    assertThatThrownBy(() -> new CertificateAuthority(device.getPrivate(), List.of(leaf)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no CA");
  }
}
