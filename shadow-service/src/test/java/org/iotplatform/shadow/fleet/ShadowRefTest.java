package org.iotplatform.shadow.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShadowRefTest {

  @Test
  void classicShadowIsTheDeviceIdAndANamedOneAddsItsName() {
    assertThat(ShadowRef.classic("dev-1").member()).isEqualTo("dev-1");
    assertThat(ShadowRef.named("dev-1", "config").member()).isEqualTo("dev-1/config");
  }

  @Test
  void readsBackItsMember() {
    assertThat(ShadowRef.fromMember("dev-1")).isEqualTo(ShadowRef.classic("dev-1"));
    assertThat(ShadowRef.fromMember("dev-1/config")).isEqualTo(ShadowRef.named("dev-1", "config"));
  }

  @Test
  void refusesPartsHoldingTheSeparator() {
    assertThatThrownBy(() -> ShadowRef.classic("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShadowRef.fromMember("a/b/c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShadowRef.fromMember("a/"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
