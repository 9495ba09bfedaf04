package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceCursorTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "thermo-1",
        "dev.with_all-chars.09",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void decodesWhatItEncoded(String id) {
    var underTest = new DeviceCursor(id);

    assertThat(DeviceCursor.decode(underTest.encode())).isEqualTo(underTest);
  }

  @Test
  void encodesToUrlSafeTextWithoutPadding() {
    // Plain Base64 of this one ends in "=", which a query string would need to escape.
    assertThat(new DeviceCursor("ab").encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void refusesACursorWithAnotherIdButTheOldChecksum() {
    String original = decodeText(new DeviceCursor("d-1").encode());
    String edited = original.replace("d-1", "d-2");

    assertInvalid(encodeText(edited));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not base64!", "MTpkLTE", "Zm9v", "MjpkLTE6MA"})
  void refusesWhatItDidNotHandOut(String cursor) {
    assertInvalid(cursor);
  }

  @Test
  void refusesAnotherVersion() {
    String text = decodeText(new DeviceCursor("d-1").encode());

    assertInvalid(encodeText("2" + text.substring(1)));
  }

  @Test
  void refusesACorrectChecksumOverAnInvalidId() {
    // Checksums are not secret; the id inside must still be a valid device id.
    String body = "1:has space";
    var crc = new java.util.zip.CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));

    assertInvalid(encodeText(body + ":" + Long.toHexString(crc.getValue())));
  }

  private static void assertInvalid(String cursor) {
    assertThatThrownBy(() -> DeviceCursor.decode(cursor))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(RegistryError.PAGE_INVALID_CURSOR));
  }

  private static String decodeText(String cursor) {
    return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
  }

  private static String encodeText(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
