package org.iotplatform.registry.credential;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes device tokens and their hashes. A token is 256 random bits, URL-safe Base64 without padding
 * (43 characters), so it fits an MQTT password, a header or a URL unescaped.
 *
 * <p>Hashed with Argon2id (Spring Security's defaults since 5.8: 16 MiB, 2 iterations), although
 * 256 random bits would resist guessing behind a fast hash too: a slow hash keeps a leaked table
 * useless even should tokens ever be shorter, and the bridge caches its verifications.
 */
@Component
class Tokens {

  private static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final Argon2PasswordEncoder encoder =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

  String generate() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The PHC string ({@code $argon2id$v=19$m=16384,t=2,p=1$salt$hash}), salted anew each call. */
  String hash(String token) {
    return encoder.encode(token);
  }

  boolean matches(String token, String hash) {
    return encoder.matches(token, hash);
  }
}
