package org.iotplatform.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.iotplatform.web.CommonError;
import org.iotplatform.web.ErrorCode;
import org.junit.jupiter.api.Test;

class TelemetryErrorTest {

  @Test
  void codesAreUniqueAndDottedLowercase() {
    assertThat(Arrays.stream(TelemetryError.values()).map(TelemetryError::code))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*"));
  }

  @Test
  void everyEntrySaysWhatToDo() {
    assertThat(TelemetryError.values()).allSatisfy(error -> assertThat(error.hint()).endsWith("."));
  }

  @Test
  void noCodeClashesWithTheCommonOnes() {
    assertThat(
            Stream.<ErrorCode[]>of(TelemetryError.values(), CommonError.values())
                .flatMap(Arrays::stream)
                .map(ErrorCode::code))
        .doesNotHaveDuplicates();
  }
}
