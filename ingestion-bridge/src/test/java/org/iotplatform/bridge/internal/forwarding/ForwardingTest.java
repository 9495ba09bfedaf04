package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.BridgeConfig.ProducerTuning;
import org.junit.jupiter.api.Test;

class ForwardingTest {

  @Test
  void waitsForKafkasVerdictLongerThanKafkaCanTake() {
    BridgeConfig config =
        BridgeConfig.defaults("k:9092")
            .withProducer(new ProducerTuning(Duration.ZERO, 16_384, 5, Duration.ofSeconds(3)))
            .withSendTimeout(Duration.ofSeconds(10));

    assertThat(Forwarding.ackTimeout(config)).isGreaterThan(Duration.ofSeconds(13));
  }
}
