package org.iotplatform.bridge.internal.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.BiPredicate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Whether a presented token matches a token hash of a device, remembering successes so that a
 * reconnect storm does not cost one Argon2 verification (16 MiB, tens of milliseconds) per CONNECT.
 *
 * <p>The cache key is (device id, token hash, SHA-256 of the token): no clear token is kept, and a
 * rotated token has a new hash, hence a new key. Failures are not cached, so a guess is never
 * answered from memory. Whether the credential is still valid is not this class's question: the
 * caller checks that on every CONNECT against the current snapshot. Thread-safe.
 */
public final class TokenMatcher {

  private static final HexFormat HEX = HexFormat.of();

  private final Cache<Key, Boolean> successes;
  private final BiPredicate<String, String> slowMatch;

  /**
   * @param slowMatch {@code (token, hash) -> matches}, the expensive comparison
   */
  TokenMatcher(int maxSize, Duration expireAfterAccess, BiPredicate<String, String> slowMatch) {
    this.successes =
        Caffeine.newBuilder().maximumSize(maxSize).expireAfterAccess(expireAfterAccess).build();
    this.slowMatch = slowMatch;
  }

  /** A matcher for the registry's Argon2id hashes (PHC strings carry their own parameters). */
  public static TokenMatcher argon2(int maxSize, Duration expireAfterAccess) {
    Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    return new TokenMatcher(maxSize, expireAfterAccess, encoder::matches);
  }

  /** True when {@code token} is the token {@code tokenHash} was made from. */
  public boolean matches(String deviceId, String token, String tokenHash) {
    Key key = new Key(deviceId, tokenHash, sha256(token));
    if (successes.getIfPresent(key) != null) {
      return true;
    }
    boolean matches = slowMatch.test(token, tokenHash);
    if (matches) {
      successes.put(key, Boolean.TRUE);
    }
    return matches;
  }

  /**
   * True when a success of {@code token} against {@code tokenHash} is remembered; never verifies,
   * so it costs no Argon2.
   */
  public boolean matchesRemembered(String deviceId, String token, String tokenHash) {
    return successes.getIfPresent(new Key(deviceId, tokenHash, sha256(token))) != null;
  }

  private static String sha256(String token) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java platform has SHA-256
    }
  }

  private record Key(String deviceId, String tokenHash, String tokenDigest) {}
}
