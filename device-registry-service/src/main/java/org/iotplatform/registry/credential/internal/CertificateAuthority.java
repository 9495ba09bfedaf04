package org.iotplatform.registry.credential.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The platform CA: signs device certificates with its key. Thread-safe (immutable; signing creates
 * its own signer per call).
 *
 * <p>A device certificate says only what the bridge relies on: subject {@code CN=<device id>}, a
 * random serial, end entity (no CA), key usage digitalSignature and extended key usage clientAuth.
 */
public final class CertificateAuthority {

  /** Bits of a serial: well above the 64 random bits the CA/Browser Forum asks for. */
  private static final int SERIAL_BITS = 128;

  private final PrivateKey key;
  private final List<X509Certificate> chain;
  private final String signatureAlgorithm;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param key the CA's private key
   * @param chain the CA's certificate, then its issuers, if any (an external intermediate CA)
   * @throws IllegalArgumentException when the certificate is no CA or the key is not its key
   */
  CertificateAuthority(PrivateKey key, List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("No CA certificate");
    }
    this.key = key;
    this.chain = List.copyOf(chain);
    this.signatureAlgorithm = signatureAlgorithm(key);
    X509Certificate certificate = chain.get(0);
    if (certificate.getBasicConstraints() < 0) {
      throw new IllegalArgumentException(
          "The certificate of " + certificate.getSubjectX500Principal() + " is no CA certificate");
    }
    if (!signs(key, certificate.getPublicKey(), signatureAlgorithm)) {
      throw new IllegalArgumentException(
          "The private key does not belong to the certificate of "
              + certificate.getSubjectX500Principal());
    }
  }

  /** A new CA: an EC P-256 key pair and a self-signed certificate for {@code subject}. */
  static CertificateAuthority generate(String subject, Instant notBefore, Instant notAfter) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      X500Name name = new X500Name(subject);
      SubjectPublicKeyInfo publicKey =
          SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
                  name,
                  serial(new SecureRandom()),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  name,
                  publicKey)
              // Path length 0: this CA signs devices, never another CA.
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(publicKey));
      X509Certificate certificate =
          sign(builder, pair.getPrivate(), signatureAlgorithm(pair.getPrivate()));
      return new CertificateAuthority(pair.getPrivate(), List.of(certificate));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("Cannot generate a CA", e);
    }
  }

  /** The CA's certificate: what devices and the bridge trust. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The CA's certificate, then its issuers if it has any. */
  public List<X509Certificate> chain() {
    return chain;
  }

  PrivateKey key() {
    return key;
  }

  /**
   * Signs a client certificate for the device with the CSR's public key.
   *
   * @param csr a CSR already checked to name {@code deviceId}
   * @param notBefore start of validity (X.509 keeps whole seconds)
   * @param notAfter end of validity, inclusive
   */
  public X509Certificate issue(
      DeviceCsr csr, String deviceId, Instant notBefore, Instant notAfter) {
    X509Certificate ca = certificate();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, deviceId).build();
    SubjectPublicKeyInfo publicKey = csr.request().getSubjectPublicKeyInfo();
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
                  // The issuer exactly as the CA certificate encodes its subject, so paths build.
                  X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                  serial(random),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  subject,
                  publicKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(publicKey))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(ca));
      return sign(builder, key, signatureAlgorithm);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("Cannot sign a certificate for " + deviceId, e);
    }
  }

  /** A random positive serial; zero is not allowed (RFC 5280, 4.1.2.2). */
  private static BigInteger serial(SecureRandom random) {
    BigInteger serial;
    do {
      serial = new BigInteger(SERIAL_BITS, random);
    } while (serial.signum() == 0);
    return serial;
  }

  private static X509Certificate sign(
      X509v3CertificateBuilder builder, PrivateKey key, String algorithm)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder(algorithm)
                      .setProvider(BouncyCastle.PROVIDER)
                      .build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "EC", "ECDSA" ->
          ((ECKey) key).getParams().getCurve().getField().getFieldSize() > 256
              ? "SHA384withECDSA"
              : "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      case "EdDSA", "Ed25519" -> "Ed25519";
      default ->
          throw new IllegalArgumentException(
              "A CA key of algorithm " + key.getAlgorithm() + " is not supported; use EC or RSA");
    };
  }

  /** Whether {@code key} signs what {@code publicKey} verifies: the two are one key pair. */
  private static boolean signs(PrivateKey key, PublicKey publicKey, String algorithm) {
    try {
      byte[] probe = new byte[32];
      new SecureRandom().nextBytes(probe);
      Signature signer = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
