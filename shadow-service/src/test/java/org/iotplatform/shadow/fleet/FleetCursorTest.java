package org.iotplatform.shadow.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotplatform.web.ErrorCode;
import org.junit.jupiter.api.Test;

class FleetCursorTest {

  @Test
  void givesBackTheMemberItWasMadeOf() {
    String cursor = FleetCursor.encode("device-7/config");

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(FleetCursor.decode(cursor)).isEqualTo("device-7/config");
  }

  @Test
  void hasNoCursorAfterTheLastPageAndStartsWithoutOne() {
    assertThat(FleetCursor.encode("")).isNull();
    assertThat(FleetCursor.decode(null)).isEmpty();
  }

  @Test
  void refusesACursorItDidNotMake() {
    assertThatThrownBy(() -> FleetCursor.decode("not base64!"))
        .isInstanceOfSatisfying(
            FleetQueryException.class,
            e ->
                assertThat(e.getBody().getProperties())
                    .containsEntry(ErrorCode.PROPERTY_NAME, "shadow.invalid-cursor"));
    assertThatThrownBy(() -> FleetCursor.decode(FleetCursor.encode("a/b/c")))
        .isInstanceOf(FleetQueryException.class);
  }
}
