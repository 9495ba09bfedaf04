package org.iotplatform.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.iotplatform.sdk.InvalidConfigurationException;
import org.iotplatform.sdk.TlsOptions;
import org.jspecify.annotations.Nullable;

/** TLS options loaded and checked: the key managers and trust managers a connection uses. */
public record TlsMaterial(
    @Nullable KeyManagerFactory keyManagers, @Nullable TrustManagerFactory trustManagers) {

  /**
   * Loads the options' files and checks the device's certificate: issued to {@code deviceId} (its
   * subject CN), valid now, and matching its private key.
   *
   * @throws InvalidConfigurationException naming the file and what is wrong with it
   */
  public static TlsMaterial load(TlsOptions options, String deviceId) {
    TrustManagerFactory trust =
        options.trustedCertificates() == null ? null : trust(options.trustedCertificates());
    KeyManagerFactory keys = null;
    if (options.certificate() != null && options.privateKey() != null) {
      List<X509Certificate> chain = certificates(options.certificate());
      PrivateKey key = PemKeys.privateKey(options.privateKey());
      keys = keys(deviceId, key, chain, options.certificate().toString());
    } else if (options.keyStore() != null) {
      keys = keysFromStore(deviceId, options.keyStore(), options.keyStorePassword());
    }
    return new TlsMaterial(keys, trust);
  }

  private static TrustManagerFactory trust(Path pemFile) {
    List<X509Certificate> certificates = certificates(pemFile);
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidConfigurationException("cannot trust the certificates of " + pemFile, e);
    }
  }

  private static KeyManagerFactory keys(
      String deviceId, PrivateKey key, List<X509Certificate> chain, String source) {
    X509Certificate certificate = chain.get(0);
    Certificates.checkIssuedTo(certificate, deviceId, source);
    try {
      certificate.checkValidity();
    } catch (CertificateExpiredException e) {
      throw new InvalidConfigurationException(
          "the certificate in " + source + " expired on " + certificate.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      throw new InvalidConfigurationException(
          "the certificate in "
              + source
              + " is valid only from "
              + certificate.getNotBefore().toInstant());
    }
    Certificates.checkKeyMatches(certificate, key, source);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = new char[0];
      store.setKeyEntry("device", key, password, chain.toArray(Certificate[]::new));
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return factory;
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidConfigurationException("cannot use the key and certificate of " + source, e);
    }
  }

  private static KeyManagerFactory keysFromStore(
      String deviceId, Path file, char @Nullable [] password) {
    char[] secret = password == null ? new char[0] : password;
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, secret);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          PrivateKey key = (PrivateKey) store.getKey(alias, secret);
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate certificate : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) certificate);
          }
          return keys(deviceId, key, chain, file.toString());
        }
      }
      throw new InvalidConfigurationException("the key store " + file + " holds no private key");
    } catch (NoSuchFileException e) {
      throw new InvalidConfigurationException("the key store " + file + " does not exist");
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidConfigurationException(
          "cannot read the key store " + file + " (wrong password?): " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> certificates(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new InvalidConfigurationException(pemFile + " holds no certificate");
      }
      return certificates;
    } catch (NoSuchFileException e) {
      throw new InvalidConfigurationException(
          "the certificate file " + pemFile + " does not exist");
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidConfigurationException(
          pemFile + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "TlsMaterial[client certificate=" + (keyManagers != null) + "]";
  }

  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new InvalidConfigurationException("the key file " + file + " does not exist");
    } catch (IOException e) {
      throw new InvalidConfigurationException("cannot read the key file " + file, e);
    }
  }
}
