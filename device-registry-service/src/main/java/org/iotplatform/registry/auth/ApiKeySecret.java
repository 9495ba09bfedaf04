package org.iotplatform.registry.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * The text form of an API key, {@code iotk_<id>_<secret>}: a 96-bit id in hex (how the key is
 * found) and a 256-bit secret in URL-safe Base64 (what proves it). Only {@link #hash(String)} of
 * the secret is stored.
 *
 * @param id the key's id, 24 lower-case hex digits
 * @param secret the secret, shown once at creation
 */
record ApiKeySecret(String id, String secret) {

  static final String PREFIX = "iotk_";

  private static final Pattern FORMAT =
      Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{24})_([A-Za-z0-9_-]{43})");
  private static final BytesKeyGenerator IDS = KeyGenerators.secureRandom(12);
  private static final BytesKeyGenerator SECRETS = KeyGenerators.secureRandom(32);

  static ApiKeySecret generate() {
    return new ApiKeySecret(
        HexFormat.of().formatHex(IDS.generateKey()),
        Base64.getUrlEncoder().withoutPadding().encodeToString(SECRETS.generateKey()));
  }

  /** The key in a caller's text, or empty when it is not shaped like one. */
  static Optional<ApiKeySecret> parse(String text) {
    Matcher matcher = FORMAT.matcher(text.strip());
    return matcher.matches()
        ? Optional.of(new ApiKeySecret(matcher.group(1), matcher.group(2)))
        : Optional.empty();
  }

  /** What the caller presents. */
  String text() {
    return PREFIX + id + "_" + secret;
  }

  /**
   * SHA-256 of the secret. A fast hash is enough for 256 random bits: no dictionary applies and
   * brute force cannot finish (ADR 0008), and the token endpoint stays cheap to call.
   */
  static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Whether {@code secret} hashes to {@code storedHash}, in time independent of where they differ.
   */
  static boolean matches(String secret, byte[] storedHash) {
    return MessageDigest.isEqual(hash(secret), storedHash);
  }

  @Override
  public String toString() {
    return "ApiKeySecret[id=" + id + ", secret=***]";
  }
}
