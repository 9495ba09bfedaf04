package org.iotplatform.registry.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The RSA key that signs the registry's tokens: created at first start as a PKCS#8 PEM file
 * readable by its owner only, read again at every later start so that tokens survive a restart.
 */
final class SigningKey {

  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
  static final String FILE_NAME = "signing-key.pem";
  private static final int KEY_BITS = 2048;

  private final RSAKey jwk;

  private SigningKey(RSAKey jwk) {
    this.jwk = jwk;
  }

  /** The key in {@code dir}, created first if there is none. */
  static SigningKey loadOrCreate(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(dir, file);
      }
      RSAPrivateCrtKey privateKey;
      try (InputStream in = Files.newInputStream(file)) {
        privateKey = (RSAPrivateCrtKey) RsaKeyConverters.pkcs8().convert(in);
      }
      RSAPublicKey publicKey =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(
                      new RSAPublicKeySpec(
                          privateKey.getModulus(), privateKey.getPublicExponent()));
      RSAKey jwk =
          new RSAKey.Builder(publicKey)
              .privateKey(privateKey)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint()
              .build();
      log.info("JWT signing key {} from {}", jwk.getKeyID(), file.toAbsolutePath());
      return new SigningKey(jwk);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the JWT signing key " + file, e);
    } catch (GeneralSecurityException | JOSEException | ClassCastException e) {
      throw new IllegalStateException("The JWT signing key " + file + " is not an RSA key", e);
    }
  }

  private static void create(Path dir, Path file) throws IOException, GeneralSecurityException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(KEY_BITS);
    byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----\n";
    // Written whole under another name, then moved: a reader never sees half a key.
    Path temp =
        posix
            ? Files.createTempFile(
                dir,
                FILE_NAME,
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, FILE_NAME, ".tmp");
    Files.writeString(temp, pem, StandardCharsets.US_ASCII);
    try {
      Files.move(temp, file);
      log.info("Created a JWT signing key in {}", file.toAbsolutePath());
    } catch (FileAlreadyExistsException anotherInstanceWasFaster) {
      Files.delete(temp);
    }
  }

  /** The {@code kid} of tokens signed with this key: its RFC 7638 thumbprint. */
  String keyId() {
    return jwk.getKeyID();
  }

  RSAKey jwk() {
    return jwk;
  }

  RSAPublicKey publicKey() {
    try {
      return jwk.toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON of a JWK Set holding the public half only. */
  Map<String, Object> publicJwkSet() {
    return new JWKSet(jwk.toPublicJWK()).toJSONObject();
  }
}
