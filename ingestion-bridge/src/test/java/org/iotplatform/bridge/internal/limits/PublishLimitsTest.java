package org.iotplatform.bridge.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.iotplatform.bridge.BridgeConfig.Limits;
import org.junit.jupiter.api.Test;

class PublishLimitsTest {

  private final AtomicLong nanos = new AtomicLong(42);

  @Test
  void letsAPayloadOfExactlyTheLimitThrough() {
    PublishLimits underTest = new PublishLimits(new Limits(100, 0, 1, 1000), nanos::get);

    assertThat(underTest.check("d-1", 100)).isEmpty();
  }

  @Test
  void refusesALargerPayloadAsPayloadFormatInvalidNamingTheLimit() {
    PublishLimits underTest = new PublishLimits(new Limits(100, 0, 1, 1000), nanos::get);

    assertThat(underTest.check("d-1", 101))
        .hasValueSatisfying(
            refusal -> {
              assertThat(refusal.reasonCode()).isEqualTo(AckReasonCode.PAYLOAD_FORMAT_INVALID);
              assertThat(refusal.reasonString()).contains("100 bytes");
              assertThat(refusal.metric()).isEqualTo(PublishLimits.PAYLOAD_TOO_LARGE);
            });
  }

  @Test
  void refusesADeviceOverItsRateAsQuotaExceededWhileAnotherDeviceFlows() {
    PublishLimits underTest = new PublishLimits(new Limits(100, 1, 3, 1000), nanos::get);
    IntStream.range(0, 3).forEach(i -> assertThat(underTest.check("d-1", 10)).isEmpty());

    assertThat(underTest.check("d-1", 10))
        .hasValueSatisfying(
            refusal -> {
              assertThat(refusal.reasonCode()).isEqualTo(AckReasonCode.QUOTA_EXCEEDED);
              assertThat(refusal.metric()).isEqualTo(PublishLimits.RATE_LIMITED);
            });
    assertThat(underTest.check("d-2", 10)).isEmpty();
  }

  @Test
  void letsTheDeviceAgainOnceItsBucketRefilled() {
    PublishLimits underTest = new PublishLimits(new Limits(100, 1, 1, 1000), nanos::get);
    underTest.check("d-1", 10);
    assertThat(underTest.check("d-1", 10)).isPresent();

    nanos.addAndGet(1_000_000_000L);

    assertThat(underTest.check("d-1", 10)).isEmpty();
  }

  @Test
  void appliesNoRateWhenTheLimitIsOff() {
    PublishLimits underTest = new PublishLimits(new Limits(100, 0, 1, 1000), nanos::get);

    assertThat(IntStream.range(0, 10_000).allMatch(i -> underTest.check("d-1", 10).isEmpty()))
        .isTrue();
  }
}
