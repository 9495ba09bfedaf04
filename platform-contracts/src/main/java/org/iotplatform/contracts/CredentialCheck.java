package org.iotplatform.contracts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.iotplatform.contracts.DeviceSnapshot.Credential;

/**
 * Whether a device may authenticate with a credential at an instant, given the device's latest
 * {@link DeviceSnapshot}: the check the bridge makes when a device connects, and again for the
 * sessions it holds when a new snapshot of their device arrives.
 *
 * <p>Pure and thread-safe: no clock, no I/O, no state. The caller passes the instant and, for
 * tokens, the slow hash comparison, so it can cache successful comparisons (they cost tens of
 * milliseconds each) while the time checks here stay exact on every call.
 *
 * <p>A certificate is accepted when the TLS layer has verified its chain to the platform CA (whose
 * certificate the registry serves at {@code GET /api/v1/ca/certificate}), its subject CN is the
 * device id, and {@link #certificate} finds its thumbprint valid in the device's snapshot. A token
 * is accepted when {@link #token} finds a valid token credential whose hash it matches.
 */
public final class CredentialCheck {

  private static final HexFormat HEX = HexFormat.of();

  private CredentialCheck() {}

  /**
   * True when {@code notBefore <= at <= notAfter} (an absent bound is open) and the credential is
   * not revoked at {@code at} ({@code revokedAt} absent or later than {@code at}).
   */
  public static boolean isValidAt(Credential credential, Instant at) {
    Instant notBefore = credential.notBefore();
    Instant notAfter = credential.notAfter();
    Instant revokedAt = credential.revokedAt();
    return (notBefore == null || !at.isBefore(notBefore))
        && (notAfter == null || !at.isAfter(notAfter))
        && (revokedAt == null || at.isBefore(revokedAt));
  }

  /**
   * The certificate credential of the device with this thumbprint, if it is valid at {@code at}.
   *
   * @param thumbprint the presented certificate's {@link #thumbprint(byte[])} (hex, any case)
   * @return empty when the snapshot lists no such certificate or it is not valid at {@code at}
   */
  public static Optional<Credential> certificate(
      DeviceSnapshot snapshot, String thumbprint, Instant at) {
    return snapshot.credentials().stream()
        .filter(c -> Credential.CERTIFICATE.equals(c.kind()))
        .filter(c -> thumbprint.equalsIgnoreCase(c.thumbprint()))
        .filter(c -> isValidAt(c, at))
        .findFirst();
  }

  /**
   * The token credential of the device that {@code token} matches, if one is valid at {@code at}.
   * Only credentials valid at {@code at} are compared, so a revoked token costs no hashing.
   *
   * @param hashMatches {@code (token, tokenHash) -> matches}, e.g. Spring Security's {@code
   *     Argon2PasswordEncoder::matches} or a cache in front of it
   */
  public static Optional<Credential> token(
      DeviceSnapshot snapshot, String token, Instant at, BiPredicate<String, String> hashMatches) {
    return snapshot.credentials().stream()
        .filter(c -> Credential.TOKEN.equals(c.kind()))
        .filter(c -> isValidAt(c, at))
        .filter(c -> c.tokenHash() != null && hashMatches.test(token, c.tokenHash()))
        .findFirst();
  }

  /** A certificate's thumbprint: lower-case hex of the SHA-256 of its DER encoding. */
  public static String thumbprint(byte[] derEncodedCertificate) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(derEncodedCertificate));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must offer SHA-256 (java.security.MessageDigest's Javadoc).
      throw new IllegalStateException(e);
    }
  }
}
