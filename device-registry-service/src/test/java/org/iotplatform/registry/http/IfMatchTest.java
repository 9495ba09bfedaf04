package org.iotplatform.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;

class IfMatchTest {

  @Test
  void readsTheVersionOfStrongWeakAndBareTags() {
    assertThat(IfMatch.version("\"3\"", RegistryError.DEVICE_INVALID)).isEqualTo(3L);
    assertThat(IfMatch.version("W/\"4\"", RegistryError.DEVICE_INVALID)).isEqualTo(4L);
    assertThat(IfMatch.version(" 5 ", RegistryError.DEVICE_INVALID)).isEqualTo(5L);
  }

  @Test
  void namesNoVersionForNoHeaderOrAnyVersion() {
    assertThat(IfMatch.version(null, RegistryError.DEVICE_INVALID)).isNull();
    assertThat(IfMatch.version("*", RegistryError.DEVICE_INVALID)).isNull();
    assertThat(IfMatch.version(" ", RegistryError.DEVICE_INVALID)).isNull();
  }

  @Test
  void refusesATagThatIsNoVersionWithTheGivenCode() {
    assertThatThrownBy(() -> IfMatch.version("\"abc\"", RegistryError.GROUP_INVALID))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo(RegistryError.GROUP_INVALID));
  }
}
