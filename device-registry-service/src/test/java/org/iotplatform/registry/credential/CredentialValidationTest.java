package org.iotplatform.registry.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;

class CredentialValidationTest {

  private static final Duration MAX = Duration.ofDays(10);

  @Test
  void takesTheFallbackValidityWhenNoneIsRequested() {
    assertThat(CredentialValidation.validity(null, Duration.ofDays(1), MAX))
        .isEqualTo(Duration.ofDays(1));
    assertThat(CredentialValidation.optionalValidity(null, MAX)).isNull();
  }

  @Test
  void refusesAValidityThatIsNotPositiveOrAboveTheMaximum() {
    for (Duration validity :
        new Duration[] {Duration.ZERO, Duration.ofDays(-1), MAX.plusSeconds(1)}) {
      assertThatThrownBy(() -> CredentialValidation.optionalValidity(validity, MAX))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> assertThat(e.error().code()).isEqualTo("credential.invalid"));
    }
  }

  @Test
  void anOverlapNeedsAReplacedCredential() {
    assertThat(CredentialValidation.overlap(null, null, Duration.ofHours(24), MAX))
        .isEqualTo(Duration.ZERO);
    assertThatThrownBy(
            () ->
                CredentialValidation.overlap(null, Duration.ofHours(1), Duration.ofHours(24), MAX))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("replaces");
  }

  @Test
  void takesTheFallbackOverlapForARotationAndAllowsNone() {
    assertThat(CredentialValidation.overlap("x", null, Duration.ofHours(24), MAX))
        .isEqualTo(Duration.ofHours(24));
    assertThat(CredentialValidation.overlap("x", Duration.ZERO, Duration.ofHours(24), MAX))
        .isZero();
  }

  @Test
  void refusesAnOverlapAboveTheMaximum() {
    assertThatThrownBy(
            () -> CredentialValidation.overlap("x", MAX.plusSeconds(1), Duration.ofHours(24), MAX))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void readsACredentialIdOrNothing() {
    assertThat(CredentialValidation.credentialId("6f1c2b1e-8d3a-4c1e-9a57-0e4f2b9c1d11"))
        .isPresent();
    assertThat(CredentialValidation.credentialId("not-a-uuid")).isEmpty();
  }
}
