package org.iotplatform.registry.credential;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes device tokens and their hashes. A token is 256 random bits, URL-safe Base64 without padding
 * (43 characters), so it fits an MQTT password, a header or a URL unescaped.
 *
 * <p>Hashed with Argon2id (Spring Security's defaults since 5.8: 16 MiB, 2 iterations), although
 * 256 random bits would resist guessing behind a fast hash too: a slow hash keeps a leaked table
 * useless even should tokens ever be shorter, and the bridge caches its verifications.
 *
 * <p>Each hash takes 16 MiB of heap while it runs, so at most one per processor runs at once (more
 * would not finish sooner on CPU-bound work): a provisioning script issuing tokens 16 at a time
 * once ran a 128 MiB registry out of memory. The others wait their turn.
 */
@Component
class Tokens {

  private static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final PasswordEncoder encoder;
  private final Semaphore hashing;

  @Autowired
  Tokens() {
    this(
        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
        Runtime.getRuntime().availableProcessors());
  }

  Tokens(PasswordEncoder encoder, int concurrentHashes) {
    this.encoder = encoder;
    this.hashing = new Semaphore(Math.max(1, concurrentHashes));
  }

  String generate() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The PHC string ({@code $argon2id$v=19$m=16384,t=2,p=1$salt$hash}), salted anew each call. */
  String hash(String token) {
    return bounded(() -> encoder.encode(token));
  }

  boolean matches(String token, String hash) {
    return bounded(() -> encoder.matches(token, hash));
  }

  private <T> T bounded(Supplier<T> argon2) {
    hashing.acquireUninterruptibly();
    try {
      return argon2.get();
    } finally {
      hashing.release();
    }
  }
}
