package org.iotplatform.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;

class AlertCursorTest {

  private final AlertCursor underTest =
      new AlertCursor(
          Instant.parse("2026-11-22T13:00:00.123456Z"),
          UUID.fromString("7b1b8c4e-23a7-4a53-9d1f-5e7c0d7a9a10"));

  @Test
  void decodesWhatItEncoded() {
    assertThat(AlertCursor.decode(underTest.encode())).isEqualTo(underTest);
  }

  @Test
  void isUrlSafe() {
    assertThat(underTest.encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void refusesAnEditedCursor() {
    String encoded = underTest.encode();
    String edited = (encoded.charAt(5) == 'A' ? "B" : "A");
    String tampered = encoded.substring(0, 5) + edited + encoded.substring(6);

    assertThatThrownBy(() -> AlertCursor.decode(tampered))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(AlertError.PAGE_INVALID_CURSOR));
  }

  @Test
  void refusesGarbage() {
    assertThatThrownBy(() -> AlertCursor.decode("***")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> AlertCursor.decode("")).isInstanceOf(ApiException.class);
  }
}
