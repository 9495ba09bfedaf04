package org.iotplatform.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;

class ApiErrorTest {

  @Test
  void codesAreUniqueAndDottedLowercase() {
    assertThat(Arrays.stream(ApiError.values()).map(ApiError::code))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*"));
  }

  @Test
  void everyEntrySaysWhatToDo() {
    assertThat(ApiError.values()).allSatisfy(error -> assertThat(error.hint()).endsWith("."));
  }

  @Test
  void mapsSpringMvcStatusesToGenericEntries() {
    assertThat(ApiError.forStatus(HttpStatusCode.valueOf(404)))
        .isEqualTo(ApiError.REQUEST_NOT_FOUND);
    assertThat(ApiError.forStatus(HttpStatusCode.valueOf(405)))
        .isEqualTo(ApiError.REQUEST_METHOD_NOT_ALLOWED);
    assertThat(ApiError.forStatus(HttpStatusCode.valueOf(400))).isEqualTo(ApiError.REQUEST_INVALID);
    assertThat(ApiError.forStatus(HttpStatusCode.valueOf(413))).isEqualTo(ApiError.REQUEST_INVALID);
    assertThat(ApiError.forStatus(HttpStatusCode.valueOf(500))).isEqualTo(ApiError.INTERNAL_ERROR);
  }
}
