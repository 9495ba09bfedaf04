package org.iotplatform.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;

class AuditCursorTest {

  @Test
  void readsBackWhatItWrote() {
    assertThat(AuditCursor.decode(new AuditCursor(4711).encode())).isEqualTo(new AuditCursor(4711));
  }

  @Test
  void refusesCursorsItDidNotWrite() {
    for (String cursor : new String[] {"garbage!", "aDE6eA", "eDE6NDc"}) {
      assertThatThrownBy(() -> AuditCursor.decode(cursor))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("page.invalid-cursor");
    }
  }
}
