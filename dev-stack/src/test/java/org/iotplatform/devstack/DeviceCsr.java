package org.iotplatform.devstack;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** What a device does to get a certificate: a key pair it keeps and a CSR for the registry. */
final class DeviceCsr {

  private DeviceCsr() {}

  /** A new EC P-256 key pair. */
  static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** A PKCS#10 CSR in PEM for subject {@code CN=<deviceId>}, signed with the device's key. */
  static String pem(String deviceId, KeyPair key) throws Exception {
    byte[] der =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + deviceId), key.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()))
            .getEncoded();
    return "-----BEGIN CERTIFICATE REQUEST-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END CERTIFICATE REQUEST-----\n";
  }

  /** A PEM certificate, also as it appears inside a JSON string (newlines escaped). */
  static X509Certificate certificate(String pem) throws GeneralSecurityException {
    byte[] text = pem.replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(text));
  }
}
