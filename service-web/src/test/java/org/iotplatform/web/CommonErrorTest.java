package org.iotplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatusCode;

class CommonErrorTest {

  @Test
  void codesAreUniqueAndDottedLowercase() {
    assertThat(Arrays.stream(CommonError.values()).map(CommonError::code))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*"));
  }

  @Test
  void everyEntrySaysWhatToDo() {
    assertThat(CommonError.values()).allSatisfy(error -> assertThat(error.hint()).endsWith("."));
  }

  @ParameterizedTest
  @CsvSource({
    "401, AUTH_UNAUTHENTICATED",
    "403, AUTH_FORBIDDEN",
    "404, REQUEST_NOT_FOUND",
    "405, REQUEST_METHOD_NOT_ALLOWED",
    "406, REQUEST_NOT_ACCEPTABLE",
    "415, REQUEST_UNSUPPORTED_MEDIA_TYPE",
    "503, SERVICE_UNAVAILABLE",
    "400, REQUEST_INVALID",
    "413, REQUEST_INVALID",
    "422, REQUEST_INVALID",
    "500, INTERNAL_ERROR",
    "502, INTERNAL_ERROR"
  })
  void mapsSpringMvcStatusesToGenericEntries(int status, CommonError expected) {
    assertThat(CommonError.forStatus(HttpStatusCode.valueOf(status))).isEqualTo(expected);
  }

  @Test
  void everyEntryMapsBackFromItsOwnStatus() {
    assertThat(CommonError.values())
        .allSatisfy(error -> assertThat(CommonError.forStatus(error.status())).isEqualTo(error));
  }
}
