package org.iotplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.iotplatform.contracts.DeviceSnapshot.Credential;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CredentialCheckTest {

  private static final Instant ISSUED = Instant.parse("2024-11-22T13:00:00Z");
  private static final Instant EXPIRES = ISSUED.plus(Duration.ofDays(365));
  private static final Instant LATER = ISSUED.plus(Duration.ofDays(30));
  private static final Duration ONE_MILLI = Duration.ofMillis(1);
  private static final String THUMBPRINT = "9b2d".repeat(16);
  private static final BiPredicate<String, String> SAME_TEXT = String::equals;

  @Test
  void acceptsACertificateWithinItsValidity() {
    var snapshot = snapshot(certificate("c1", THUMBPRINT, null));

    assertThat(CredentialCheck.certificate(snapshot, THUMBPRINT, LATER))
        .map(Credential::id)
        .contains("c1");
  }

  @Test
  void boundsTheValidityInclusivelyAsX509Does() {
    Credential underTest = certificate("c1", THUMBPRINT, null);

    assertThat(CredentialCheck.isValidAt(underTest, ISSUED)).isTrue();
    assertThat(CredentialCheck.isValidAt(underTest, EXPIRES)).isTrue();
    assertThat(CredentialCheck.isValidAt(underTest, ISSUED.minus(ONE_MILLI))).isFalse();
    assertThat(CredentialCheck.isValidAt(underTest, EXPIRES.plus(ONE_MILLI))).isFalse();
  }

  @Test
  void refusesARevokedCertificateFromTheRevocationOn() {
    var snapshot = snapshot(certificate("c1", THUMBPRINT, LATER));

    assertThat(CredentialCheck.certificate(snapshot, THUMBPRINT, LATER.minus(ONE_MILLI)))
        .isPresent();
    assertThat(CredentialCheck.certificate(snapshot, THUMBPRINT, LATER)).isEmpty();
    assertThat(CredentialCheck.certificate(snapshot, THUMBPRINT, LATER.plus(ONE_MILLI))).isEmpty();
  }

  @Test
  void acceptsBothCertificatesDuringARotationsOverlapAndOnlyTheNewOneAfter() {
    Instant overlapEnds = LATER.plus(Duration.ofHours(24));
    String newThumbprint = "11aa".repeat(16);
    var snapshot =
        snapshot(
            certificate("old", THUMBPRINT, overlapEnds), certificate("new", newThumbprint, null));

    Instant duringOverlap = LATER.plus(Duration.ofHours(1));
    assertThat(CredentialCheck.certificate(snapshot, THUMBPRINT, duringOverlap)).isPresent();
    assertThat(CredentialCheck.certificate(snapshot, newThumbprint, duringOverlap)).isPresent();
    assertThat(CredentialCheck.certificate(snapshot, THUMBPRINT, overlapEnds)).isEmpty();
    assertThat(CredentialCheck.certificate(snapshot, newThumbprint, overlapEnds)).isPresent();
  }

  @Test
  void refusesACertificateTheSnapshotDoesNotList() {
    var snapshot = snapshot(certificate("c1", THUMBPRINT, null));

    assertThat(CredentialCheck.certificate(snapshot, "00ff".repeat(16), LATER)).isEmpty();
    assertThat(CredentialCheck.certificate(snapshot(), THUMBPRINT, LATER)).isEmpty();
  }

  @Test
  void comparesThumbprintsRegardlessOfCase() {
    var snapshot = snapshot(certificate("c1", THUMBPRINT, null));

    assertThat(CredentialCheck.certificate(snapshot, THUMBPRINT.toUpperCase(), LATER)).isPresent();
  }

  @Test
  void acceptsATokenWhoseHashMatches() {
    var snapshot = snapshot(token("t1", "hash-of-a", null), token("t2", "hash-of-b", null));

    assertThat(CredentialCheck.token(snapshot, "hash-of-b", LATER, SAME_TEXT))
        .map(Credential::id)
        .contains("t2");
    assertThat(CredentialCheck.token(snapshot, "hash-of-c", LATER, SAME_TEXT)).isEmpty();
  }

  @Test
  void neverHashesAgainstARevokedToken() {
    var snapshot = snapshot(token("t1", "hash-of-a", LATER));
    List<String> compared = new ArrayList<>();

    var result =
        CredentialCheck.token(
            snapshot,
            "hash-of-a",
            LATER,
            (token, hash) -> {
              compared.add(hash);
              return true;
            });

    assertThat(result).isEmpty();
    assertThat(compared).isEmpty();
  }

  @Test
  void doesNotTakeATokenForACertificateOrTheOtherWayRound() {
    Credential tokenWithThumbprint =
        new Credential("t1", Credential.TOKEN, null, THUMBPRINT, "h", null, null, null);
    Credential certificateWithHash =
        new Credential("c1", Credential.CERTIFICATE, "1", THUMBPRINT, "h", ISSUED, EXPIRES, null);

    assertThat(CredentialCheck.certificate(snapshot(tokenWithThumbprint), THUMBPRINT, LATER))
        .isEmpty();
    assertThat(CredentialCheck.token(snapshot(certificateWithHash), "h", LATER, SAME_TEXT))
        .isEmpty();
  }

  @Test
  void refusesAKindItDoesNotKnow() {
    Credential future =
        new Credential("x1", "PRE_SHARED_KEY", "1", THUMBPRINT, "h", null, null, null);

    assertThat(CredentialCheck.certificate(snapshot(future), THUMBPRINT, LATER)).isEmpty();
    assertThat(CredentialCheck.token(snapshot(future), "h", LATER, SAME_TEXT)).isEmpty();
  }

  @Test
  void thumbprintIsLowerCaseHexOfSha256() {
    assertThat(CredentialCheck.thumbprint("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  private static Credential certificate(String id, String thumbprint, @Nullable Instant revokedAt) {
    return new Credential(
        id, Credential.CERTIFICATE, "7a3e", thumbprint, null, ISSUED, EXPIRES, revokedAt);
  }

  private static Credential token(String id, String hash, @Nullable Instant revokedAt) {
    return new Credential(id, Credential.TOKEN, null, null, hash, null, null, revokedAt);
  }

  private static DeviceSnapshot snapshot(Credential... credentials) {
    return new DeviceSnapshot(
        "default", "d-1", "t", null, Map.of(), null, "OFFLINE", 1, ISSUED, List.of(credentials));
  }
}
