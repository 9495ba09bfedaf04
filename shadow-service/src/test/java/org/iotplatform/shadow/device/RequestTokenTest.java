package org.iotplatform.shadow.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTokenTest {

  @Test
  void readsTheClientTokenOfARequest() {
    assertThat(RequestToken.of("{\"clientToken\":\"abc\"}")).isEqualTo("abc");
  }

  @Test
  void hasNoTokenForEmptyBrokenOrOddPayloads() {
    assertThat(RequestToken.of("")).isNull();
    assertThat(RequestToken.of("{\"clientToken\":")).isNull();
    assertThat(RequestToken.of("{\"clientToken\":7}")).isNull();
    assertThat(RequestToken.of("[1]")).isNull();
    assertThat(RequestToken.of("{\"clientToken\":\"" + "x".repeat(65) + "\"}")).isNull();
  }
}
