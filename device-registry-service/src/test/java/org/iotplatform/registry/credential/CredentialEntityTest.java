package org.iotplatform.registry.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.testsupport.TestInstants.ONE_DAY_LATER;
import static org.iotplatform.testsupport.TestInstants.ONE_HOUR_LATER;
import static org.iotplatform.testsupport.TestInstants.ONE_MINUTE_LATER;
import static org.iotplatform.testsupport.TestInstants.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CredentialEntityTest {

  @Test
  void isActiveUntilRevokedFromTheRevocationOn() {
    CredentialEntity underTest = token(null);

    underTest.revoke(ONE_HOUR_LATER);

    assertThat(underTest.status(ONE_MINUTE_LATER)).isEqualTo(CredentialStatus.ACTIVE);
    assertThat(underTest.status(ONE_HOUR_LATER)).isEqualTo(CredentialStatus.REVOKED);
  }

  @Test
  void expiresAfterItsLastValidInstant() {
    CredentialEntity underTest = token(ONE_HOUR_LATER);

    assertThat(underTest.status(ONE_HOUR_LATER)).isEqualTo(CredentialStatus.ACTIVE);
    assertThat(underTest.status(ONE_HOUR_LATER.plusMillis(1))).isEqualTo(CredentialStatus.EXPIRED);
  }

  @Test
  void aLaterRevocationNeverExtendsAnEarlierOne() {
    CredentialEntity underTest = token(null);
    underTest.revoke(ONE_MINUTE_LATER);

    underTest.replaceBy(UUID.randomUUID(), ONE_DAY_LATER);

    assertThat(underTest.revokedAt()).isEqualTo(ONE_MINUTE_LATER);
  }

  @Test
  void aRevocationShortensAReplacementsOverlap() {
    CredentialEntity underTest = token(null);
    underTest.replaceBy(UUID.randomUUID(), ONE_DAY_LATER);

    underTest.revoke(ONE_HOUR_LATER);

    assertThat(underTest.revokedAt()).isEqualTo(ONE_HOUR_LATER);
    assertThat(underTest.unrevoked()).isFalse();
  }

  @Test
  void endsAtTheEarlierOfRevocationAndExpiry() {
    assertThat(token(null).end()).isNull();
    assertThat(token(ONE_DAY_LATER).end()).isEqualTo(ONE_DAY_LATER);
    CredentialEntity revokedBeforeExpiry = token(ONE_DAY_LATER);
    revokedBeforeExpiry.revoke(ONE_HOUR_LATER);
    assertThat(revokedBeforeExpiry.end()).isEqualTo(ONE_HOUR_LATER);
    CredentialEntity expiredBeforeRevocation = token(ONE_HOUR_LATER);
    expiredBeforeRevocation.revoke(ONE_DAY_LATER);
    assertThat(expiredBeforeRevocation.end()).isEqualTo(ONE_HOUR_LATER);
  }

  @Test
  void snapshotsKeepAnEndedCredentialForThirtyDays() {
    CredentialEntity revoked = token(null);
    revoked.revoke(T0);
    Instant thirtyDaysLater = T0.plus(Duration.ofDays(30));

    assertThat(CredentialSnapshots.isKept(token(null), thirtyDaysLater.plusSeconds(1))).isTrue();
    assertThat(CredentialSnapshots.isKept(revoked, thirtyDaysLater.minusSeconds(1))).isTrue();
    assertThat(CredentialSnapshots.isKept(revoked, thirtyDaysLater)).isFalse();
    assertThat(CredentialSnapshots.isKept(token(T0), thirtyDaysLater)).as("expired").isFalse();
  }

  private static CredentialEntity token(@Nullable Instant expiresAt) {
    return CredentialEntity.token("default", "d-1", "$argon2id$...", expiresAt, T0);
  }
}
