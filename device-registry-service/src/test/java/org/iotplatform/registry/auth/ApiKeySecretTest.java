package org.iotplatform.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretTest {

  @Test
  void generatesKeysInTheDocumentedFormThatParseBack() {
    ApiKeySecret underTest = ApiKeySecret.generate();

    assertThat(underTest.text()).matches("iotk_[0-9a-f]{24}_[A-Za-z0-9_-]{43}");
    assertThat(ApiKeySecret.parse(underTest.text())).contains(underTest);
  }

  @Test
  void generatesADifferentKeyEveryTime() {
    assertThat(ApiKeySecret.generate()).isNotEqualTo(ApiKeySecret.generate());
  }

  @Test
  void findsTheSecretEvenWhenItHoldsUnderscores() {
    String secret = "_".repeat(10) + "a".repeat(33);

    assertThat(ApiKeySecret.parse("iotk_0123456789abcdef01234567_" + secret))
        .contains(new ApiKeySecret("0123456789abcdef01234567", secret));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "iotk_",
        "0123456789abcdef01234567_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "iotk_0123456789ABCDEF01234567_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "iotk_0123456789abcdef01234567_short",
        "iotk_0123456789abcdef01234567_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+"
      })
  void refusesTextThatIsNoKey(String text) {
    assertThat(ApiKeySecret.parse(text)).isEmpty();
  }

  @Test
  void matchesOnlyTheSecretItHashed() {
    ApiKeySecret key = ApiKeySecret.generate();
    byte[] stored = ApiKeySecret.hash(key.secret());

    assertThat(stored).hasSize(32);
    assertThat(ApiKeySecret.matches(key.secret(), stored)).isTrue();
    assertThat(ApiKeySecret.matches(ApiKeySecret.generate().secret(), stored)).isFalse();
  }

  @Test
  void neverPrintsTheSecret() {
    ApiKeySecret key = ApiKeySecret.generate();

    assertThat(key.toString()).contains(key.id()).doesNotContain(key.secret());
  }
}
