package org.iotplatform.registry.credential.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the platform CA at start: the external one when configured, otherwise the one in the CA
 * directory, generating it there at first start. A generated CA is reused on every later start, so
 * the certificates it issued stay valid.
 *
 * <p>The directory holds {@value #CERTIFICATE_FILE} and {@value #KEY_FILE} (PKCS#8, unencrypted,
 * owner-only permissions 0600 in a 0700 directory where the file system has POSIX permissions).
 * Protecting it is the operator's job: whoever reads the key can issue device certificates.
 */
public final class CaStore {

  public static final String CERTIFICATE_FILE = "ca.crt.pem";
  public static final String KEY_FILE = "ca.key.pem";

  private static final Logger log = LoggerFactory.getLogger(CaStore.class);

  /** Certificates take effect a little before they are made: some clocks run behind. */
  public static final Duration BACKDATE = Duration.ofMinutes(5);

  private CaStore() {}

  /**
   * @throws IllegalStateException when the configured files cannot be read, are no CA, or the CA
   *     directory holds only one of its two files
   */
  public static CertificateAuthority load(CaProperties properties, Clock clock) {
    Path certificate = properties.certificate();
    Path key = properties.privateKey();
    if (certificate != null && key != null) {
      CertificateAuthority ca = read(certificate, key);
      log.info(
          "Platform CA: external, {} (from {})",
          ca.certificate().getSubjectX500Principal(),
          certificate.toAbsolutePath());
      return ca;
    }
    return inDirectory(properties, clock);
  }

  private static CertificateAuthority inDirectory(CaProperties properties, Clock clock) {
    Path directory = properties.directory().toAbsolutePath();
    Path certificate = directory.resolve(CERTIFICATE_FILE);
    Path key = directory.resolve(KEY_FILE);
    boolean hasCertificate = Files.exists(certificate);
    boolean hasKey = Files.exists(key);
    if (hasCertificate && hasKey) {
      CertificateAuthority ca = read(certificate, key);
      log.info("Platform CA: {} (from {})", ca.certificate().getSubjectX500Principal(), directory);
      return ca;
    }
    if (hasCertificate || hasKey) {
      // Never generate over half a CA: every certificate issued so far chains to the old one.
      throw new IllegalStateException(
          "The CA directory "
              + directory
              + " holds "
              + (hasKey ? KEY_FILE : CERTIFICATE_FILE)
              + " but not "
              + (hasKey ? CERTIFICATE_FILE : KEY_FILE)
              + ". Restore the missing file, or empty the directory to generate a new CA (the"
              + " certificates issued so far then stop chaining to it).");
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    CertificateAuthority ca =
        CertificateAuthority.generate(
            properties.subject(), now.minus(BACKDATE), now.plus(properties.validity()));
    write(directory, ca);
    log.info(
        "Platform CA: generated {} in {}; devices and the bridge trust {}",
        ca.certificate().getSubjectX500Principal(),
        directory,
        certificate);
    return ca;
  }

  private static void write(Path directory, CertificateAuthority ca) {
    try {
      // Only the CA's own directory is owner-only; its parents (var/, shared) are made as usual.
      Path parent = directory.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!Files.isDirectory(directory)) {
        Files.createDirectory(directory, permissions(directory, "rwx------"));
      }
      // Each file is written whole under a temporary name, then renamed: a crash leaves no
      // truncated key. The key goes first, so a crash in between leaves a key without a
      // certificate, which the next start reports rather than overwrites.
      replace(directory, KEY_FILE, Pem.of(ca.key()), "rw-------");
      replace(directory, CERTIFICATE_FILE, Pem.of(ca.chain()), "rw-r--r--");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the CA to " + directory, e);
    }
  }

  private static void replace(Path directory, String name, String content, String permissions)
      throws IOException {
    Path temporary = directory.resolve(name + ".tmp");
    Files.deleteIfExists(temporary);
    // Created with its permissions, so that the key is never readable by others, not even briefly.
    try {
      Files.createFile(temporary, permissions(directory, permissions));
    } catch (FileAlreadyExistsException e) {
      throw new IOException("Another process writes the CA in " + directory, e);
    }
    Files.writeString(temporary, content, StandardCharsets.US_ASCII);
    Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static FileAttribute<?>[] permissions(Path directory, String permissions) {
    if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    Set<PosixFilePermission> set = PosixFilePermissions.fromString(permissions);
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(set)};
  }

  private static CertificateAuthority read(Path certificateFile, Path keyFile) {
    List<X509Certificate> chain = readCertificates(certificateFile);
    PrivateKey key = readKey(keyFile);
    try {
      return new CertificateAuthority(key, chain);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The CA in " + certificateFile + " and " + keyFile + " is unusable: " + e.getMessage(),
          e);
    }
  }

  private static List<X509Certificate> readCertificates(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | CertificateException e) {
      throw new IllegalStateException("Cannot read the CA certificate " + file, e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalStateException(
          file + " holds no PEM certificate ('BEGIN CERTIFICATE'); it must hold the CA's.");
    }
    return certificates;
  }

  private static PrivateKey readKey(Path file) {
    Object object;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      object = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER);
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the CA key " + file, e);
    }
    throw new IllegalStateException(
        file
            + " holds no unencrypted PEM private key ('BEGIN PRIVATE KEY', 'BEGIN EC PRIVATE KEY'"
            + " or 'BEGIN RSA PRIVATE KEY'); encrypted keys are not supported.");
  }
}
