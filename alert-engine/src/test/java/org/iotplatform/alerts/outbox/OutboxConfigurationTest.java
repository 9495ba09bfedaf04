package org.iotplatform.alerts.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.iotplatform.outbox.OutboxProperties;
import org.iotplatform.outbox.OutboxSettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class OutboxConfigurationTest {

  private final OutboxConfiguration underTest = new OutboxConfiguration();

  @Test
  void bindsTheDocumentedDefaultsWhenNothingIsSet() {
    OutboxSettings settings = underTest.outboxSettings(new MockEnvironment());

    assertThat(settings.properties())
        .isEqualTo(
            new OutboxProperties(
                Duration.ofMillis(200),
                100,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofDays(7)));
  }

  @Test
  void readsTheServicesOwnPrefix() {
    var environment =
        new MockEnvironment()
            .withProperty("iot.alerts.outbox.batch-size", "7")
            .withProperty("iot.alerts.outbox.retention", "1h");

    OutboxProperties properties = underTest.outboxSettings(environment).properties();

    assertThat(properties.batchSize()).isEqualTo(7);
    assertThat(properties.retention()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void keepsTheServicesNameAndLock() {
    OutboxSettings settings = underTest.outboxSettings(new MockEnvironment());

    assertThat(settings.service()).isEqualTo("alert-engine");
    // The lock the relay has always taken: during a rolling upgrade, old and new relays exclude
    // each other.
    assertThat(settings.lockId()).isEqualTo(0x0_A1E7_0000L);
  }
}
