package org.iotplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "10s, PT10S",
    "10, PT10S",
    "10m, PT10M",
    "1h, PT1H",
    "2d, PT48H",
    "0, PT0S",
    "PT1M30S, PT1M30S",
    "pt5m, PT5M",
    "10M, PT10M"
  })
  void readsShortFormsAndIso8601(String text, String expected) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ten", "10x", "-5s", "", "PT-1S", "1.5s"})
  void refusesAnythingElseSayingWhatIsAccepted(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(text))
        .withMessageContaining("is not a duration")
        .withMessageContaining("10s");
  }
}
