package org.iotplatform.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
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
import org.iotplatform.contracts.CredentialCheck;
import org.iotplatform.servers.HiveMqTlsListener;
import org.iotplatform.servers.HiveMqTlsListener.ClientAuthentication;

/**
 * Certificate authorities, device and server certificates generated in memory for TLS tests (EC
 * P-256, valid from an hour ago for a day), shaped like the platform CA's: a device certificate has
 * subject {@code CN=<device id>}, key usage digitalSignature and extended key usage clientAuth.
 * Keys exist only in memory and in the files a test writes into its own temporary directory; none
 * is ever committed.
 */
public final class TestCertificates {

  /** The password of every store written here; the stores live in a test's temp dir only. */
  public static final String STORE_PASSWORD = "test-store-password";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration VALIDITY = Duration.ofDays(1);

  private TestCertificates() {}

  /** A new self-signed CA named {@code CN=<name>}. */
  public static Authority authority(String name) {
    KeyPair pair = keyPair();
    X500Name subject = commonName(name);
    Extended builder =
        builder(subject, subject, pair)
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
            .addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return new Authority(pair.getPrivate(), sign(builder, pair.getPrivate()));
  }

  /** A CA that signs certificates. */
  public record Authority(PrivateKey key, X509Certificate certificate) {

    /** A device (client) certificate with subject {@code CN=<commonName>}. */
    public Issued issueClient(String commonName) {
      KeyPair pair = keyPair();
      Extended builder =
          builder(issuerName(), commonName(commonName), pair)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      return new Issued(pair.getPrivate(), sign(builder, key), certificate);
    }

    /** A broker certificate for {@code 127.0.0.1} and {@code localhost} (subject alt names). */
    public Issued issueServer() {
      KeyPair pair = keyPair();
      Extended builder =
          builder(issuerName(), commonName("localhost"), pair)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(
                  Extension.subjectAlternativeName,
                  false,
                  new GeneralNames(
                      new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")
                      }));
      return new Issued(pair.getPrivate(), sign(builder, key), certificate);
    }

    /** Writes this CA's certificate as PEM to {@code file} (what devices trust). */
    public Path writeCertificatePem(Path file) {
      return writeText(file, pem("CERTIFICATE", encoded(certificate)));
    }

    /** Trusts this CA's certificate only. */
    public TrustManagerFactory trustManagerFactory() {
      try {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(truststore());
        return factory;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Writes a server keystore (a certificate of {@link #issueServer()}) and a truststore holding
     * this CA into {@code dir}, and returns a HiveMQ TLS listener on a free port that uses them.
     */
    public HiveMqTlsListener hiveMqListener(Path dir, ClientAuthentication mode) {
      Path keystore = issueServer().writeKeystore(dir.resolve("broker-keystore.p12"));
      Path truststore = dir.resolve("broker-truststore.p12");
      write(truststore(), truststore);
      return new HiveMqTlsListener(0, keystore, STORE_PASSWORD, truststore, STORE_PASSWORD, mode);
    }

    private KeyStore truststore() {
      KeyStore store = emptyStore();
      try {
        store.setCertificateEntry("ca", certificate);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      return store;
    }

    private X500Name issuerName() {
      return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }
  }

  /** A certificate with its private key, and the CA certificate that signed it. */
  public record Issued(PrivateKey key, X509Certificate certificate, X509Certificate issuer) {

    /** {@link CredentialCheck#thumbprint(byte[])} of the certificate, as the registry lists it. */
    public String thumbprint() {
      try {
        return CredentialCheck.thumbprint(certificate.getEncoded());
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Presents this certificate (and its issuer) in a TLS handshake. */
    public KeyManagerFactory keyManagerFactory() {
      try {
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keystore(), STORE_PASSWORD.toCharArray());
        return factory;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Writes the certificate followed by its issuer's as PEM to {@code file}. */
    public Path writeCertificatePem(Path file) {
      return writeText(
          file, pem("CERTIFICATE", encoded(certificate)) + pem("CERTIFICATE", encoded(issuer)));
    }

    /**
     * Writes the private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}) to {@code file}.
     */
    public Path writeKeyPem(Path file) {
      return writeText(file, pem("PRIVATE KEY", key.getEncoded()));
    }

    /** Writes a PKCS12 keystore (password {@link #STORE_PASSWORD}) to {@code file}. */
    public Path writeKeystore(Path file) {
      write(keystore(), file);
      return file;
    }

    private KeyStore keystore() {
      KeyStore store = emptyStore();
      try {
        store.setKeyEntry(
            "key", key, STORE_PASSWORD.toCharArray(), new X509Certificate[] {certificate, issuer});
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      return store;
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static Path writeText(Path file, String text) {
    try {
      return Files.writeString(file, text, java.nio.charset.StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X500Name commonName(String name) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
  }

  private static Extended builder(X500Name issuer, X500Name subject, KeyPair pair) {
    Instant now = Instant.now();
    return new Extended(
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(64, RANDOM).add(BigInteger.ONE),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            pair.getPublic()));
  }

  /** A certificate builder whose extensions cannot fail to encode (they are built here). */
  private record Extended(X509v3CertificateBuilder builder) {

    Extended addExtension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
      try {
        builder.addExtension(oid, critical, value);
        return this;
      } catch (CertIOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static X509Certificate sign(Extended builder, PrivateKey key) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.builder().build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException("cannot sign a test certificate", e);
    }
  }

  private static KeyStore emptyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(KeyStore store, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, STORE_PASSWORD.toCharArray());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }
}
