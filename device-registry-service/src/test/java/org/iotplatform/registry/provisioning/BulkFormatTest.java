package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BulkFormatTest {

  @Test
  void tellsTheFormatsApartAndAcceptsAUtf8Charset() {
    assertThat(BulkFormat.of("application/x-ndjson")).isEqualTo(BulkFormat.NDJSON);
    assertThat(BulkFormat.of("text/csv; charset=utf-8")).isEqualTo(BulkFormat.CSV);
    assertThat(BulkFormat.of("TEXT/CSV")).isEqualTo(BulkFormat.CSV);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "application/json", "text/plain", "text/csv; charset=ISO-8859-1", "csv"})
  void refusesAnythingElse(String contentType) {
    assertThatThrownBy(() -> BulkFormat.of(contentType))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(RegistryError.BULK_UNSUPPORTED_MEDIA_TYPE));
  }
}
