package org.iotplatform.devstack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.iotplatform.simulator.provision.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform CA of the dev stack, kept in {@code var/ca}: an EC P-256 key and a self-signed CA
 * certificate, generated at the first start and loaded on every later one. The registry signs
 * device certificates with it (as its external CA), and the broker's TLS listener presents a server
 * certificate it signed and trusts the device certificates it signed: devices trust one file,
 * {@value #CERTIFICATE_FILE}.
 *
 * <p>The stack makes the CA rather than the registry, because the broker needs it before, and
 * without, the registry (see the dev-stack README).
 */
final class PlatformCa {

  static final String CERTIFICATE_FILE = "ca.crt.pem";
  static final String KEY_FILE = "ca.key.pem";

  private static final Logger LOG = LoggerFactory.getLogger(PlatformCa.class);
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);

  /** Certificates take effect a little before they are made, as the registry's do. */
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;
  private final PrivateKey key;
  private final X509Certificate certificate;

  private PlatformCa(Path directory, PrivateKey key, X509Certificate certificate) {
    this.directory = directory;
    this.key = key;
    this.certificate = certificate;
  }

  /**
   * The CA in {@code directory}, generated there first if it holds none.
   *
   * @param previous the registry's own CA directory of older stacks: a CA found there (and none in
   *     {@code directory}) is taken over, so the device certificates it issued keep working
   * @throws IllegalStateException when the directory holds only one of the two files, or files that
   *     are no CA
   */
  static PlatformCa loadOrCreate(Path directory, Path previous) {
    Path dir = OwnerOnlyFiles.directory(directory.toAbsolutePath());
    boolean hasCertificate = Files.exists(dir.resolve(CERTIFICATE_FILE));
    boolean hasKey = Files.exists(dir.resolve(KEY_FILE));
    if (hasCertificate != hasKey) {
      // Never generate over half a CA: every certificate issued so far chains to the old one.
      throw new IllegalStateException(
          dir
              + " holds only one of "
              + CERTIFICATE_FILE
              + " and "
              + KEY_FILE
              + ": restore the other, or empty the folder to make a new CA (certificates issued so"
              + " far then stop working)");
    }
    if (!hasCertificate && Files.exists(previous.resolve(CERTIFICATE_FILE))) {
      copy(previous, dir);
      LOG.info("platform CA taken over from {}", previous);
    }
    if (Files.exists(dir.resolve(CERTIFICATE_FILE))) {
      return read(dir);
    }
    PlatformCa ca = generate(dir);
    OwnerOnlyFiles.write(dir.resolve(KEY_FILE), pemKey(ca.key));
    OwnerOnlyFiles.write(dir.resolve(CERTIFICATE_FILE), pemCertificate(ca.certificate));
    LOG.info("platform CA generated in {}", dir);
    return ca;
  }

  /** The CA's certificate (PEM): what devices and the broker trust. */
  Path certificateFile() {
    return directory.resolve(CERTIFICATE_FILE);
  }

  /** The CA's private key (PKCS#8 PEM, owner-only). */
  Path keyFile() {
    return directory.resolve(KEY_FILE);
  }

  X509Certificate certificate() {
    return certificate;
  }

  /**
   * Signs a server certificate for the broker on this machine: subject {@code CN=localhost},
   * subject alternative names {@code 127.0.0.1} and {@code localhost}, extended key usage
   * serverAuth.
   */
  X509Certificate issueServer(PublicKey serverKey, Duration validity) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    var builder =
        new JcaX509v3CertificateBuilder(
            certificate,
            serial(),
            Date.from(now.minus(BACKDATE)),
            Date.from(now.plus(validity)),
            new X500Name("CN=localhost"),
            serverKey);
    extension(builder, Extension.basicConstraints, true, new BasicConstraints(false));
    extension(
        builder,
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    extension(
        builder,
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    extension(
        builder,
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    return sign(builder, key);
  }

  /** A new EC P-256 key pair. */
  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an EC P-256 key", e);
    }
  }

  private static PlatformCa generate(Path dir) {
    KeyPair pair = newKeyPair();
    X500Name name = new X500Name("CN=IoT platform device CA (dev stack)");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            serial(),
            Date.from(now.minus(BACKDATE)),
            Date.from(now.plus(CA_VALIDITY)),
            name,
            pair.getPublic());
    // Path length 0, as the registry's own CA: it signs devices and the broker, never another CA.
    extension(builder, Extension.basicConstraints, true, new BasicConstraints(0));
    extension(
        builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return new PlatformCa(dir, pair.getPrivate(), sign(builder, pair.getPrivate()));
  }

  private static PlatformCa read(Path dir) {
    try {
      byte[] pem = Files.readAllBytes(dir.resolve(CERTIFICATE_FILE));
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(pem));
      String keyText = Files.readString(dir.resolve(KEY_FILE), StandardCharsets.US_ASCII);
      String base64 =
          keyText
              .replace("-----BEGIN PRIVATE KEY-----", "")
              .replace("-----END PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      PrivateKey key =
          KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      return new PlatformCa(dir, key, certificate);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the platform CA in " + dir, e);
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException(
          "the platform CA in " + dir + " is unusable (" + e.getMessage() + ")", e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      OwnerOnlyFiles.write(to.resolve(KEY_FILE), Files.readAllBytes(from.resolve(KEY_FILE)));
      OwnerOnlyFiles.write(
          to.resolve(CERTIFICATE_FILE), Files.readAllBytes(from.resolve(CERTIFICATE_FILE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the platform CA over from " + from, e);
    }
  }

  static byte[] pemCertificate(X509Certificate certificate) {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] pemKey(PrivateKey key) {
    // The JDK encodes private keys as PKCS#8, which the registry's external-CA loader reads.
    return pem("PRIVATE KEY", key.getEncoded());
  }

  private static byte[] pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static BigInteger serial() {
    return new BigInteger(128, RANDOM).setBit(127);
  }

  private static void extension(
      X509v3CertificateBuilder builder,
      ASN1ObjectIdentifier oid,
      boolean critical,
      ASN1Encodable value) {
    try {
      builder.addExtension(oid, critical, value);
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode " + oid, e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException("cannot sign a certificate", e);
    }
  }
}
