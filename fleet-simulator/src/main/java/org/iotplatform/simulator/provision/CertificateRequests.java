package org.iotplatform.simulator.provision;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** What a device does to get a certificate: a key pair it keeps and a CSR for the registry. */
final class CertificateRequests {

  private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

  private CertificateRequests() {}

  /** A new EC P-256 key pair. */
  static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot make EC P-256 keys", e);
    }
  }

  /** A PKCS#10 CSR in PEM for subject {@code CN=<deviceId>}, signed with the device's key. */
  static String csrPem(String deviceId, KeyPair key) {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, deviceId).build();
    try {
      byte[] der =
          new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()))
              .getEncoded();
      return pem("CERTIFICATE REQUEST", der);
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot sign the CSR of " + deviceId, e);
    }
  }

  /** The private key as unencrypted PKCS#8 PEM, what the SDK reads. */
  static String privateKeyPem(KeyPair key) {
    return pem("PRIVATE KEY", key.getPrivate().getEncoded());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + PEM_BASE64.encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
