package org.iotplatform.registry.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupCursorTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "berlin-lab",
        "all_chars.09-X",
        "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
      })
  void decodesWhatItEncoded(String name) {
    var underTest = new GroupCursor(name);

    assertThat(GroupCursor.decode(underTest.encode())).isEqualTo(underTest);
  }

  @Test
  void encodesToUrlSafeTextWithoutPadding() {
    assertThat(new GroupCursor("ab").encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void refusesACursorWithAnotherNameButTheOldChecksum() {
    String edited = decodeText(new GroupCursor("lab").encode()).replace("lab", "lac");

    assertInvalid(encodeText(edited));
  }

  @Test
  void refusesADeviceSearchCursor() {
    // Another version tag: a device cursor is no group cursor, even with a valid checksum.
    assertInvalid(encodeText("1:lab:" + Long.toHexString(crc("1:lab"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "%%%", "bm8tc2VwYXJhdG9y", "ZzE6YTpiOmM"})
  void refusesTextItNeverHandedOut(String cursor) {
    assertInvalid(cursor);
  }

  private static void assertInvalid(String cursor) {
    assertThatThrownBy(() -> GroupCursor.decode(cursor))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(RegistryError.PAGE_INVALID_CURSOR));
  }

  private static long crc(String text) {
    var crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
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
