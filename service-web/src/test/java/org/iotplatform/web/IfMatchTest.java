package org.iotplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchTest {

  @Test
  void readsTheVersionOfStrongWeakAndBareTags() {
    assertThat(IfMatch.version("\"3\"", TestErrorCode.WIDGET_NOT_FOUND)).isEqualTo(3L);
    assertThat(IfMatch.version("W/\"4\"", TestErrorCode.WIDGET_NOT_FOUND)).isEqualTo(4L);
    assertThat(IfMatch.version(" 5 ", TestErrorCode.WIDGET_NOT_FOUND)).isEqualTo(5L);
  }

  @Test
  void namesNoVersionForNoHeaderOrAnyVersion() {
    assertThat(IfMatch.version(null, TestErrorCode.WIDGET_NOT_FOUND)).isNull();
    assertThat(IfMatch.version("*", TestErrorCode.WIDGET_NOT_FOUND)).isNull();
    assertThat(IfMatch.version(" ", TestErrorCode.WIDGET_NOT_FOUND)).isNull();
  }

  @Test
  void refusesATagThatIsNoVersionWithTheGivenCode() {
    assertThatThrownBy(() -> IfMatch.version("\"abc\"", TestErrorCode.WIDGET_NOT_FOUND))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(TestErrorCode.WIDGET_NOT_FOUND));
  }
}
