package org.iotplatform.registry.credential.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

/** PEM text of certificates and keys. */
public final class Pem {

  private Pem() {}

  /** One certificate as a PEM block. */
  public static String of(X509Certificate certificate) {
    return write(List.of(certificate));
  }

  /** Certificates as consecutive PEM blocks, in the given order. */
  public static String of(List<X509Certificate> certificates) {
    return write(certificates);
  }

  /** A private key as an unencrypted PKCS#8 PEM block ({@code BEGIN PRIVATE KEY}). */
  static String of(PrivateKey key) {
    try {
      // The generator, not the key itself: JcaPEMWriter would write EC keys in SEC1 format.
      return write(List.of(new JcaPKCS8Generator(key, null).generate()));
    } catch (PemGenerationException e) {
      throw new IllegalStateException("Cannot encode the CA key as PKCS#8", e);
    }
  }

  private static String write(List<?> objects) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      for (Object object : objects) {
        pem.writeObject(object);
      }
    } catch (IOException e) {
      // A StringWriter does not fail; an object PEM cannot encode would be a programming error.
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
