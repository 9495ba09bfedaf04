package org.iotplatform.sdk.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.iotplatform.sdk.InvalidConfigurationException;
import org.jspecify.annotations.Nullable;

/** Checks a device certificate before it is offered to a broker. */
final class Certificates {

  private Certificates() {}

  /** The broker takes the device id from the subject's CN; another CN would be refused there. */
  static void checkIssuedTo(X509Certificate certificate, String deviceId, String source) {
    String commonName = commonName(certificate);
    if (!deviceId.equals(commonName)) {
      throw new InvalidConfigurationException(
          "the certificate in "
              + source
              + " is issued to CN="
              + commonName
              + ", not to device "
              + deviceId);
    }
  }

  static void checkKeyMatches(X509Certificate certificate, PrivateKey key, String source) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "EC" -> "SHA256withECDSA";
          case "RSA" -> "SHA256withRSA";
          default -> key.getAlgorithm();
        };
    try {
      byte[] probe = "device-sdk key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // a key of another algorithm than the certificate's: does not match either
    }
    throw new InvalidConfigurationException(
        "the private key does not belong to the certificate in " + source);
  }

  private static @Nullable String commonName(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
      return null;
    } catch (InvalidNameException e) {
      return null;
    }
  }
}
