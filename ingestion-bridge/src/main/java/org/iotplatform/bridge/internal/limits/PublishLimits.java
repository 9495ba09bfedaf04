package org.iotplatform.bridge.internal.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.iotplatform.bridge.BridgeConfig.Limits;

/**
 * Checks a device's publish against the payload size limit and the device's token bucket. Buckets
 * live in a bounded cache and expire once unused long enough to have refilled, when a fresh full
 * bucket is the same thing; so memory follows the devices publishing now, not the fleet.
 * Thread-safe.
 */
public final class PublishLimits {

  static final String PAYLOAD_TOO_LARGE = "payload-too-large";
  static final String RATE_LIMITED = "rate-limited";

  // At about 200 bytes a bucket, 40 MB at most; evicting a bucket early only refills it.
  private static final long MAX_BUCKETS = 200_000;
  private static final Duration MIN_IDLE = Duration.ofSeconds(10);

  private final Limits limits;
  private final LongSupplier nanoClock;
  private final Cache<String, TokenBucket> buckets;
  private final LimitRefusal tooLarge;
  private final LimitRefusal tooFast;

  public PublishLimits(Limits limits) {
    this(limits, System::nanoTime);
  }

  PublishLimits(Limits limits, LongSupplier nanoClock) {
    this.limits = limits;
    this.nanoClock = nanoClock;
    this.buckets =
        Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfterAccess(idle(limits)).build();
    // PAYLOAD_FORMAT_INVALID tells the device this message will never be accepted as it is, where
    // QUOTA_EXCEEDED tells it to slow down and send again (ADR 0016).
    this.tooLarge =
        new LimitRefusal(
            AckReasonCode.PAYLOAD_FORMAT_INVALID,
            "payload too large: at most " + limits.maxPayloadBytes() + " bytes",
            PAYLOAD_TOO_LARGE);
    this.tooFast =
        new LimitRefusal(
            AckReasonCode.QUOTA_EXCEEDED,
            "publish rate exceeded: at most "
                + limits.publishesPerSecond()
                + " a second, bursts of "
                + limits.publishBurst(),
            RATE_LIMITED);
  }

  /** Why {@code deviceId}'s publish of {@code payloadBytes} is refused, or empty to let it pass. */
  public Optional<LimitRefusal> check(String deviceId, int payloadBytes) {
    if (payloadBytes > limits.maxPayloadBytes()) {
      return Optional.of(tooLarge);
    }
    if (!limits.rateLimited()) {
      return Optional.empty();
    }
    long now = nanoClock.getAsLong();
    TokenBucket bucket =
        buckets.get(
            deviceId,
            id -> new TokenBucket(limits.publishesPerSecond(), limits.publishBurst(), now));
    return bucket.tryTake(now) ? Optional.empty() : Optional.of(tooFast);
  }

  /** How long an unused bucket takes to refill, with a floor. */
  private static Duration idle(Limits limits) {
    if (!limits.rateLimited()) {
      return MIN_IDLE;
    }
    long refillMillis = 1000L * limits.publishBurst() / limits.publishesPerSecond() + 1;
    Duration refill = Duration.ofMillis(refillMillis);
    return refill.compareTo(MIN_IDLE) > 0 ? refill : MIN_IDLE;
  }
}
