package org.iotplatform.simulator.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.sdk.InvalidConfigurationException;
import org.iotplatform.sdk.TlsOptions;
import org.iotplatform.simulator.DeviceCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key and CSR a simulated device makes, and what the SDK then reads from the store. */
class CertificateRequestsTest {

  private static final X500Name CA = new X500Name("CN=test CA");
  private static final Instant NOW = Instant.parse("2026-01-05T00:00:00Z");

  @TempDir Path dir;

  @Test
  void signsACsrForTheDeviceIdWithTheDevicesKey() throws Exception {
    KeyPair key = CertificateRequests.keyPair();

    PKCS10CertificationRequest csr = csr(CertificateRequests.csrPem("sim-00001", key));

    assertThat(csr.getSubject()).hasToString("CN=sim-00001");
    assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key.getPublic())))
        .isTrue();
  }

  @Test
  void storesWhatTheSdkLoadsAsTheDevicesCertificate() throws Exception {
    KeyPair caKey = CertificateRequests.keyPair();
    X509Certificate ca = sign(CA, caKey.getPublic(), caKey);
    KeyPair deviceKey = CertificateRequests.keyPair();
    PKCS10CertificationRequest csr = csr(CertificateRequests.csrPem("sim-00001", deviceKey));
    X509Certificate issued =
        sign(csr.getSubject(), new JcaPKCS10CertificationRequest(csr).getPublicKey(), caKey);
    Path caFile = dir.resolve("ca.pem");
    Files.writeString(caFile, pem(ca));
    DeviceCredential.Certificate credential =
        (DeviceCredential.Certificate)
            new CredentialStore(dir.resolve("store"))
                .saveCertificate(
                    "sim-00001",
                    pem(issued) + pem(ca),
                    CertificateRequests.privateKeyPem(deviceKey));
    TlsOptions tls =
        TlsOptions.builder()
            .trustedCertificates(caFile)
            .clientCertificate(credential.certificatePem(), credential.privateKeyPem())
            .build();

    try (DeviceClient underTest =
        DeviceClient.builder()
            .deviceId("sim-00001")
            .endpoint("127.0.0.1", 18883)
            .tls(tls)
            .build()) {
      assertThat(underTest.deviceId()).isEqualTo("sim-00001");
    }
    assertThatThrownBy(
            () ->
                DeviceClient.builder()
                    .deviceId("sim-00002")
                    .endpoint("127.0.0.1", 18883)
                    .tls(tls)
                    .build())
        .as("the certificate names its device")
        .isInstanceOf(InvalidConfigurationException.class);
  }

  private static PKCS10CertificationRequest csr(String pem) throws Exception {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      return (PKCS10CertificationRequest) parser.readObject();
    }
  }

  private static X509Certificate sign(X500Name subject, PublicKey publicKey, KeyPair caKey)
      throws Exception {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            CA,
            BigInteger.valueOf(NOW.toEpochMilli()),
            Date.from(NOW.minus(Duration.ofDays(1))),
            Date.from(NOW.plus(Duration.ofDays(3650))),
            subject,
            publicKey);
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
  }

  private static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
