package org.iotplatform.registry.credential;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/** What a device does before asking for a certificate: make a key pair and a CSR, on its own. */
public final class TestCsrs {

  private TestCsrs() {}

  public static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair rsaKeyPair(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PEM CSR for {@code CN=<commonName>}, signed with the pair's private key. */
  public static String csr(String commonName, KeyPair keys) {
    return csr(new X500Name("CN=" + commonName), keys);
  }

  public static String csr(X500Name subject, KeyPair keys) {
    return pem(request(subject, keys, keys));
  }

  /**
   * A CSR carrying one key's public half but signed with another private key: no proof of
   * possession.
   */
  public static String csrWithBadSignature(String commonName) {
    return pem(request(new X500Name("CN=" + commonName), ecKeyPair(), ecKeyPair()));
  }

  private static PKCS10CertificationRequest request(
      X500Name subject, KeyPair carried, KeyPair signing) {
    try {
      String algorithm =
          signing.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(signing.getPrivate());
      return new PKCS10CertificationRequestBuilder(
              subject, SubjectPublicKeyInfo.getInstance(carried.getPublic().getEncoded()))
          .build(signer);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
