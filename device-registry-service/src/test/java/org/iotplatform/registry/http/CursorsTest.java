package org.iotplatform.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;

class CursorsTest {

  @Test
  void readsBackThePositionItWrote() {
    String cursor = Cursors.encode("x1", "d-17");

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(Cursors.decode("x1", cursor, position -> true)).isEqualTo("d-17");
  }

  @Test
  void refusesAnotherFormatAnEditAPositionTheListCannotHaveAndGarbage() {
    String cursor = Cursors.encode("x1", "d-17");
    String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    String edited =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(text.replace("d-17", "d-18").getBytes(StandardCharsets.UTF_8));

    assertInvalid(() -> Cursors.decode("y1", cursor, position -> true));
    assertInvalid(() -> Cursors.decode("x1", edited, position -> true));
    assertInvalid(() -> Cursors.decode("x1", cursor, position -> false));
    assertInvalid(() -> Cursors.decode("x1", "not base64!", position -> true));
  }

  private static void assertInvalid(Runnable decode) {
    assertThatThrownBy(decode::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(RegistryError.PAGE_INVALID_CURSOR));
  }
}
