package org.iotplatform.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimestampLimitsTest {

  @Test
  void readsInfluxDbDurationLiterals() {
    assertThat(TimestampLimits.influxDuration("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(TimestampLimits.influxDuration("52w")).isEqualTo(Duration.ofDays(364));
    assertThat(TimestampLimits.influxDuration("720h0m0s")).isEqualTo(Duration.ofHours(720));
    assertThat(TimestampLimits.influxDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(TimestampLimits.influxDuration("1500ms")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void readsInfiniteAndZeroAsForever() {
    assertThat(TimestampLimits.influxDuration("INF")).isNull();
    assertThat(TimestampLimits.influxDuration("0s")).isNull();
  }

  @Test
  void refusesWhatIsNotADuration() {
    assertThatThrownBy(() -> TimestampLimits.influxDuration("30 days"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimestampLimits.influxDuration("d"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limitsToFiveMinutesAheadAndTheRawRetentionBehind() {
    assertThat(TimestampLimits.forRawRetention("30d"))
        .isEqualTo(new TimestampLimits(Duration.ofMinutes(5), Duration.ofDays(30)));
  }
}
