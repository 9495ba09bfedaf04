package org.iotplatform.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.iotplatform.servers.HiveMqTlsListener;
import org.iotplatform.servers.HiveMqTlsListener.ClientAuthentication;
import org.iotplatform.simulator.provision.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's side of TLS, kept in {@code var/ca/broker}: a PKCS12 keystore with a server
 * certificate of the {@link PlatformCa}, a PKCS12 truststore holding the CA's certificate, and the
 * random password of both ({@value #PASSWORD_FILE}), all owner-only. They are written at the first
 * start and reused while they still fit the CA; a server certificate that no longer chains to the
 * CA or nears its end is replaced (devices trust the CA, not this certificate).
 */
final class BrokerTls {

  static final String KEYSTORE_FILE = "keystore.p12";
  static final String TRUSTSTORE_FILE = "truststore.p12";
  static final String PASSWORD_FILE = "store-password";

  /**
   * Token devices may use TLS too (ADR 0015): a client certificate is asked for, not demanded; one
   * that is presented must still chain to the CA.
   */
  static final ClientAuthentication CLIENT_AUTHENTICATION = ClientAuthentication.OPTIONAL;

  static final Duration SERVER_VALIDITY = Duration.ofDays(365);

  /** A server certificate closer than this to its end is replaced at start. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private static final Logger LOG = LoggerFactory.getLogger(BrokerTls.class);
  private static final String ALIAS = "broker";

  private BrokerTls() {}

  /** The TLS listener on {@code port}, its stores written into {@code directory} if needed. */
  static HiveMqTlsListener listener(PlatformCa ca, Path directory, int port) {
    Path dir = OwnerOnlyFiles.directory(directory.toAbsolutePath());
    Path keystore = dir.resolve(KEYSTORE_FILE);
    Path truststore = dir.resolve(TRUSTSTORE_FILE);
    Path passwordFile = dir.resolve(PASSWORD_FILE);
    if (!usable(ca, keystore, truststore, passwordFile)) {
      String password = newPassword();
      KeyPair pair = PlatformCa.newKeyPair();
      X509Certificate server = ca.issueServer(pair.getPublic(), SERVER_VALIDITY);
      KeyStore keys = emptyStore();
      KeyStore trust = emptyStore();
      try {
        keys.setKeyEntry(
            ALIAS,
            pair.getPrivate(),
            password.toCharArray(),
            new X509Certificate[] {server, ca.certificate()});
        trust.setCertificateEntry("platform-ca", ca.certificate());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot fill the broker's stores", e);
      }
      // The password goes last: stores without it count as unusable and are written again.
      OwnerOnlyFiles.write(keystore, bytes(keys, password));
      OwnerOnlyFiles.write(truststore, bytes(trust, password));
      OwnerOnlyFiles.write(passwordFile, password.getBytes(StandardCharsets.US_ASCII));
      LOG.info("broker TLS stores written to {}", dir);
    }
    String password = readPassword(passwordFile);
    return new HiveMqTlsListener(
        port, keystore, password, truststore, password, CLIENT_AUTHENTICATION);
  }

  /** Whether the stores exist, open with the password and hold a fresh certificate of the CA. */
  private static boolean usable(PlatformCa ca, Path keystore, Path truststore, Path passwordFile) {
    if (!Files.isRegularFile(passwordFile)
        || !Files.isRegularFile(keystore)
        || !Files.isRegularFile(truststore)) {
      return false;
    }
    try {
      String password = readPassword(passwordFile);
      KeyStore keys = load(keystore, password);
      KeyStore trust = load(truststore, password);
      if (!(keys.getCertificate(ALIAS) instanceof X509Certificate server)
          || !ca.certificate().equals(trust.getCertificate("platform-ca"))) {
        return false;
      }
      server.verify(ca.certificate().getPublicKey());
      server.checkValidity(Date.from(Instant.now().plus(RENEW_BEFORE)));
      return keys.getKey(ALIAS, password.toCharArray()) != null;
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      LOG.info("broker TLS stores are written again: {}", e.toString());
      return false;
    }
  }

  private static String readPassword(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String newPassword() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static KeyStore load(Path file, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }

  private static KeyStore emptyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("no PKCS12 key stores in this JVM", e);
    }
  }

  private static byte[] bytes(KeyStore store, String password) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      store.store(out, password.toCharArray());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot encode a PKCS12 store", e);
    }
    return out.toByteArray();
  }
}
