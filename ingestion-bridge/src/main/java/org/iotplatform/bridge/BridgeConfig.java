package org.iotplatform.bridge;

import java.time.Duration;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.Tenants;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of the ingestion bridge.
 *
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param tenantId the tenant written on every record; {@link Tenants#DEFAULT} until the device
 *     registry assigns tenants per device
 * @param topics the Kafka topics records go to
 * @param producer tuning of the Kafka producer
 * @param sendTimeout how long Kafka may take to acknowledge a record before the device gets an
 *     error (Kafka's {@code delivery.timeout.ms}, retries included)
 * @param auth how devices authenticate
 * @param limits what a device may send and how much the bridge holds for Kafka
 * @param downlink how this node delivers {@code iot.downlink.v1} records to its devices
 */
public record BridgeConfig(
    String bootstrapServers,
    String tenantId,
    Topics topics,
    ProducerTuning producer,
    Duration sendTimeout,
    Auth auth,
    Limits limits,
    Downlink downlink) {

  /** Default for {@link #sendTimeout}. */
  public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);

  public BridgeConfig {
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("Kafka bootstrap servers are required");
    }
    if (tenantId.isBlank()) {
      throw new IllegalArgumentException("tenant id must not be blank");
    }
    if (sendTimeout.compareTo(producer.linger().plusSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "send timeout must exceed linger by at least a second: " + sendTimeout);
    }
  }

  /** The defaults, with the given Kafka bootstrap servers. */
  public static BridgeConfig defaults(String bootstrapServers) {
    return new BridgeConfig(
        bootstrapServers,
        Tenants.DEFAULT,
        Topics.defaults(),
        ProducerTuning.defaults(),
        DEFAULT_SEND_TIMEOUT,
        Auth.defaults(),
        Limits.defaults(),
        Downlink.defaults());
  }

  public BridgeConfig withTenantId(String tenantId) {
    return new BridgeConfig(
        bootstrapServers, tenantId, topics, producer, sendTimeout, auth, limits, downlink);
  }

  public BridgeConfig withTopics(Topics topics) {
    return new BridgeConfig(
        bootstrapServers, tenantId, topics, producer, sendTimeout, auth, limits, downlink);
  }

  public BridgeConfig withProducer(ProducerTuning producer) {
    return new BridgeConfig(
        bootstrapServers, tenantId, topics, producer, sendTimeout, auth, limits, downlink);
  }

  public BridgeConfig withSendTimeout(Duration sendTimeout) {
    return new BridgeConfig(
        bootstrapServers, tenantId, topics, producer, sendTimeout, auth, limits, downlink);
  }

  public BridgeConfig withAuth(Auth auth) {
    return new BridgeConfig(
        bootstrapServers, tenantId, topics, producer, sendTimeout, auth, limits, downlink);
  }

  public BridgeConfig withLimits(Limits limits) {
    return new BridgeConfig(
        bootstrapServers, tenantId, topics, producer, sendTimeout, auth, limits, downlink);
  }

  public BridgeConfig withDownlink(Downlink downlink) {
    return new BridgeConfig(
        bootstrapServers, tenantId, topics, producer, sendTimeout, auth, limits, downlink);
  }

  /**
   * Delivery of downlink records (ADR 0013): every node reads the whole topic in a consumer group
   * of its own and publishes a record to the device only if it holds the device's session.
   *
   * @param topic the topic of {@code DownlinkMessage} records
   * @param nodeId names this node's consumer group ({@code iot-bridge-downlink-{nodeId}}); unique
   *     per node and stable across its restarts. Null (the default) derives it from the host name
   *     and the broker's data folder
   * @param maxPollRecords records handed to the broker at a time, which bounds the messages in
   *     flight ({@code max.poll.records})
   */
  public record Downlink(String topic, @Nullable String nodeId, int maxPollRecords) {

    public Downlink {
      if (topic.isBlank()) {
        throw new IllegalArgumentException("downlink topic must not be blank");
      }
      if (nodeId != null && !DeviceTopic.isValidDeviceId(nodeId)) {
        throw new IllegalArgumentException(
            "downlink node id must be 1 to 64 of letters, digits, '.', '_' and '-': " + nodeId);
      }
      if (maxPollRecords < 1) {
        throw new IllegalArgumentException("max poll records must be positive: " + maxPollRecords);
      }
    }

    /** The contract's topic, a node id derived at start, 500 records at a time. */
    public static Downlink defaults() {
      return new Downlink(KafkaTopics.DOWNLINK, null, 500);
    }

    public Downlink withNodeId(@Nullable String nodeId) {
      return new Downlink(topic, nodeId, maxPollRecords);
    }
  }

  /**
   * The Kafka topics the bridge uses.
   *
   * @param telemetry where {@code devices/{id}/telemetry} goes
   * @param deviceEvents where {@code devices/{id}/status} and lifecycle events go
   * @param shadow where shadow requests go: {@code devices/{id}/shadow/{get|update|delete}} and
   *     their named-shadow forms ({@code ShadowTopic})
   * @param devices the registry's compacted device snapshots, which credentials are checked against
   */
  public record Topics(String telemetry, String deviceEvents, String shadow, String devices) {

    public Topics {
      if (telemetry.isBlank() || deviceEvents.isBlank() || shadow.isBlank() || devices.isBlank()) {
        throw new IllegalArgumentException("topic names must not be blank");
      }
    }

    /** The topics of the platform contract ({@link KafkaTopics}). */
    public static Topics defaults() {
      return new Topics(
          KafkaTopics.TELEMETRY,
          KafkaTopics.DEVICE_EVENTS,
          KafkaTopics.SHADOW,
          KafkaTopics.DEVICES);
    }
  }

  /**
   * Device authentication (ADR 0006).
   *
   * @param mode {@link AuthMode#NONE} lets every client connect; {@link AuthMode#CREDENTIALS}
   *     requires a device's token, checked against the registry's snapshots
   * @param maxDevices how many devices the credential view holds at most (about 1 KB each)
   * @param tokenCacheSize how many successful token verifications are remembered
   * @param tokenCacheExpiry how long an unused verification is remembered
   * @param recheckInterval how often open sessions are checked for credentials that ended by the
   *     clock (an expiry, or a rotation's end of overlap), when no new snapshot arrives
   * @param maxFailedAttempts failed token checks of a known device after which its CONNECTs are
   *     refused (QUOTA_EXCEEDED) unless the token's success is remembered
   * @param failedAttemptsWindow how long after its last failure a client's failures are counted
   */
  public record Auth(
      AuthMode mode,
      int maxDevices,
      int tokenCacheSize,
      Duration tokenCacheExpiry,
      Duration recheckInterval,
      int maxFailedAttempts,
      Duration failedAttemptsWindow) {

    public Auth {
      if (maxDevices < 1 || tokenCacheSize < 0 || maxFailedAttempts < 1) {
        throw new IllegalArgumentException(
            "max devices and failed attempts must be positive, cache size not negative");
      }
      if (tokenCacheExpiry.isNegative()
          || recheckInterval.isNegative()
          || recheckInterval.isZero()) {
        throw new IllegalArgumentException("auth durations must be positive");
      }
    }

    /**
     * Mode {@code none} (so an embedded broker works without a registry), 1,000,000 devices,
     * 200,000 cached verifications for an hour, re-check every second, 5 failures a minute.
     */
    public static Auth defaults() {
      return new Auth(
          AuthMode.NONE,
          1_000_000,
          200_000,
          Duration.ofHours(1),
          Duration.ofSeconds(1),
          5,
          Duration.ofMinutes(1));
    }

    public Auth withMode(AuthMode mode) {
      return new Auth(
          mode,
          maxDevices,
          tokenCacheSize,
          tokenCacheExpiry,
          recheckInterval,
          maxFailedAttempts,
          failedAttemptsWindow);
    }
  }

  /**
   * Limits on device publishes and on what the bridge holds while Kafka has not acknowledged it
   * (ADR 0016). They apply to the publishes the bridge forwards.
   *
   * @param maxPayloadBytes the largest payload forwarded; a larger one is refused
   *     (PAYLOAD_FORMAT_INVALID)
   * @param publishesPerSecond the sustained publishes a second one device may send, refilling its
   *     token bucket; 0 (the default) turns the per-device rate limit off
   * @param publishBurst how many publishes a device may send at once above its sustained rate (the
   *     bucket's size)
   * @param maxInFlightBytes how many bytes of records (payload, key and headers) the bridge holds
   *     handed to Kafka but not yet acknowledged; past it QoS 0 publishes are dropped and QoS 1
   *     publishes wait for room, so memory stays bounded while Kafka is slow or away
   */
  public record Limits(
      int maxPayloadBytes, int publishesPerSecond, int publishBurst, long maxInFlightBytes) {

    /** Default for {@link #maxPayloadBytes}: 64 KiB. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

    /** Default for {@link #maxInFlightBytes}: 16 MiB. */
    public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 16L * 1024 * 1024;

    public Limits {
      if (maxPayloadBytes < 1) {
        throw new IllegalArgumentException(
            "max payload bytes must be positive: " + maxPayloadBytes);
      }
      if (publishesPerSecond < 0) {
        throw new IllegalArgumentException(
            "publishes per second must not be negative (0 = no limit): " + publishesPerSecond);
      }
      if (publishBurst < 1) {
        throw new IllegalArgumentException("publish burst must be positive: " + publishBurst);
      }
      if (maxInFlightBytes < maxPayloadBytes) {
        throw new IllegalArgumentException(
            "max in-flight bytes must hold at least one publish of the max payload size: "
                + maxInFlightBytes
                + " < "
                + maxPayloadBytes);
      }
    }

    /**
     * 64 KiB payloads, no per-device rate limit (a burst of 1,000 once one is set), 16 MiB in
     * flight. The rate limit is off by default because one device of a benchmark or a gateway
     * legitimately sends thousands a second; deployments set it for their devices.
     */
    public static Limits defaults() {
      return new Limits(DEFAULT_MAX_PAYLOAD_BYTES, 0, 1_000, DEFAULT_MAX_IN_FLIGHT_BYTES);
    }

    /** Whether the per-device rate limit applies. */
    public boolean rateLimited() {
      return publishesPerSecond > 0;
    }
  }

  /** How devices authenticate. */
  public enum AuthMode {
    /** Every client may connect; only the topic rule applies. */
    NONE,
    /** A device connects with client id = user name = its id and password = its token. */
    CREDENTIALS
  }

  /**
   * Kafka producer tuning. The defaults are Kafka's own except {@code maxBlock}; tune them with a
   * benchmark, since a longer linger batches more but delays every device's PUBACK by as much.
   *
   * @param linger how long the producer waits to fill a batch ({@code linger.ms})
   * @param batchSizeBytes upper bound of a batch per partition ({@code batch.size})
   * @param maxInFlightRequests unacknowledged requests per connection, 1 to 5 because the producer
   *     is idempotent ({@code max.in.flight.requests.per.connection})
   * @param maxBlock how long a send may block the broker's extension thread while Kafka metadata is
   *     unknown or the buffer is full ({@code max.block.ms}); short (Kafka's default is a minute)
   *     because a blocked thread holds up other clients' publishes
   */
  public record ProducerTuning(
      Duration linger, int batchSizeBytes, int maxInFlightRequests, Duration maxBlock) {

    public ProducerTuning {
      if (linger.isNegative() || maxBlock.isNegative()) {
        throw new IllegalArgumentException("durations must not be negative");
      }
      if (batchSizeBytes < 0) {
        throw new IllegalArgumentException("batch size must not be negative: " + batchSizeBytes);
      }
      // Kafka keeps ordering under retries for an idempotent producer only up to 5 in flight.
      if (maxInFlightRequests < 1 || maxInFlightRequests > 5) {
        throw new IllegalArgumentException(
            "max in-flight requests must be 1 to 5: " + maxInFlightRequests);
      }
    }

    public static ProducerTuning defaults() {
      return new ProducerTuning(Duration.ofMillis(5), 16_384, 5, Duration.ofSeconds(1));
    }
  }
}
