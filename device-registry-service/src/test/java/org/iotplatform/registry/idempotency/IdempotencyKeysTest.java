package org.iotplatform.registry.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeysTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "8e03978e-40d5-43e8-bc93-6894a57f9324", "\"quoted\"", "~!#$%"})
  void acceptsVisibleAscii(String key) {
    assertThat(IdempotencyKeys.check(key)).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "with space", "tab\there", "ümlaut"})
  void refusesEmptySpacesAndNonAscii(String key) {
    assertThatThrownBy(() -> IdempotencyKeys.check(key))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(RegistryError.IDEMPOTENCY_INVALID_KEY));
  }

  @org.junit.jupiter.api.Test
  void acceptsTwoHundredFiftyFiveCharactersAndNoMore() {
    assertThat(IdempotencyKeys.check("k".repeat(255))).hasSize(255);
    assertThatThrownBy(() -> IdempotencyKeys.check("k".repeat(256)))
        .isInstanceOf(ApiException.class);
  }
}
