package org.iotplatform.sdk.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.iotplatform.sdk.InvalidConfigurationException;

/** Reads unencrypted PKCS#8 private keys from PEM files with the JDK alone. */
final class PemKeys {

  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";
  private static final List<String> ALGORITHMS = List.of("EC", "RSA", "Ed25519");

  private PemKeys() {}

  static PrivateKey privateKey(Path file) {
    String pem = TlsMaterial.text(file);
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      String hint =
          pem.contains("ENCRYPTED PRIVATE KEY")
              ? "it is encrypted; the SDK reads unencrypted keys"
              : pem.contains("EC PRIVATE KEY") || pem.contains("RSA PRIVATE KEY")
                  ? "it is in the traditional format"
                  : "it holds no '" + BEGIN + "' block";
      throw new InvalidConfigurationException(
          file
              + " is not a PKCS#8 private key ("
              + hint
              + "); convert it with: openssl pkcs8 -topk8 -nocrypt -in "
              + file
              + " -out device-pkcs8.key");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end).strip());
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new InvalidConfigurationException(
        file + " holds a private key of an algorithm other than EC, RSA or Ed25519");
  }
}
