package org.iotplatform.bridge;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.iotplatform.bridge.BridgeConfig.Auth;
import org.iotplatform.bridge.BridgeConfig.AuthMode;
import org.iotplatform.bridge.BridgeConfig.Downlink;
import org.iotplatform.bridge.BridgeConfig.Limits;
import org.iotplatform.bridge.BridgeConfig.ProducerTuning;
import org.iotplatform.bridge.BridgeConfig.Topics;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link BridgeConfig} from a properties file ({@code conf/config.properties} in the
 * extension's folder) and environment variables, which win so that one extension folder serves
 * every deployment. A key's variable is {@code IOT_BRIDGE_} followed by the key in upper case with
 * dots and dashes as underscores: {@code kafka.bootstrap.servers} is {@code
 * IOT_BRIDGE_KAFKA_BOOTSTRAP_SERVERS}. Only {@code kafka.bootstrap.servers} is required.
 */
final class BridgeConfigLoader {

  static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
  static final String TENANT_ID = "tenant.id";
  static final String LINGER_MS = "kafka.linger.ms";
  static final String BATCH_SIZE = "kafka.batch.size";
  static final String MAX_IN_FLIGHT = "kafka.max.in.flight.requests.per.connection";
  static final String MAX_BLOCK_MS = "kafka.max.block.ms";
  static final String SEND_TIMEOUT_MS = "kafka.send.timeout.ms";
  static final String TELEMETRY_TOPIC = "topic.telemetry";
  static final String DEVICE_EVENTS_TOPIC = "topic.device-events";
  static final String SHADOW_TOPIC = "topic.shadow";
  static final String DEVICES_TOPIC = "topic.devices";
  static final String AUTH_MODE = "auth.mode";
  static final String AUTH_MAX_DEVICES = "auth.max-devices";
  static final String AUTH_TOKEN_CACHE_SIZE = "auth.token-cache.size";
  static final String AUTH_TOKEN_CACHE_EXPIRY_MS = "auth.token-cache.expiry.ms";
  static final String AUTH_RECHECK_INTERVAL_MS = "auth.recheck.interval.ms";
  static final String AUTH_MAX_FAILED_ATTEMPTS = "auth.max-failed-attempts";
  static final String AUTH_FAILED_ATTEMPTS_WINDOW_MS = "auth.failed-attempts.window.ms";
  static final String LIMITS_MAX_PAYLOAD_BYTES = "limits.max-payload-bytes";
  static final String LIMITS_PUBLISHES_PER_SECOND = "limits.publishes-per-second";
  static final String LIMITS_PUBLISH_BURST = "limits.publish-burst";
  static final String LIMITS_MAX_IN_FLIGHT_BYTES = "limits.max-in-flight-bytes";
  static final String DOWNLINK_TOPIC = "downlink.topic";
  static final String DOWNLINK_NODE_ID = "downlink.node-id";
  static final String DOWNLINK_MAX_POLL_RECORDS = "downlink.max-poll-records";

  private static final String ENV_PREFIX = "IOT_BRIDGE_";

  private final Properties file;
  private final Map<String, String> env;

  private BridgeConfigLoader(Properties file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  /**
   * Loads the configuration; a missing file means every value comes from the environment or the
   * defaults.
   *
   * @throws IllegalArgumentException when a value is missing or invalid, naming the key
   */
  static BridgeConfig load(Path propertiesFile, Map<String, String> env) {
    return new BridgeConfigLoader(read(propertiesFile), env).toConfig();
  }

  /** The environment variable that overrides {@code key}. */
  static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private BridgeConfig toConfig() {
    String bootstrapServers = value(BOOTSTRAP_SERVERS);
    if (bootstrapServers == null) {
      throw new IllegalArgumentException(
          "missing " + BOOTSTRAP_SERVERS + " (or " + envName(BOOTSTRAP_SERVERS) + ")");
    }
    BridgeConfig defaults = BridgeConfig.defaults(bootstrapServers);
    ProducerTuning tuning = defaults.producer();
    Auth auth = defaults.auth();
    Limits limits = defaults.limits();
    return new BridgeConfig(
        bootstrapServers,
        value(TENANT_ID, Function.identity(), defaults.tenantId()),
        new Topics(
            value(TELEMETRY_TOPIC, Function.identity(), defaults.topics().telemetry()),
            value(DEVICE_EVENTS_TOPIC, Function.identity(), defaults.topics().deviceEvents()),
            value(SHADOW_TOPIC, Function.identity(), defaults.topics().shadow()),
            value(DEVICES_TOPIC, Function.identity(), defaults.topics().devices())),
        new ProducerTuning(
            value(LINGER_MS, BridgeConfigLoader::millis, tuning.linger()),
            value(BATCH_SIZE, Integer::valueOf, tuning.batchSizeBytes()),
            value(MAX_IN_FLIGHT, Integer::valueOf, tuning.maxInFlightRequests()),
            value(MAX_BLOCK_MS, BridgeConfigLoader::millis, tuning.maxBlock())),
        value(SEND_TIMEOUT_MS, BridgeConfigLoader::millis, defaults.sendTimeout()),
        new Auth(
            value(AUTH_MODE, BridgeConfigLoader::authMode, auth.mode()),
            value(AUTH_MAX_DEVICES, Integer::valueOf, auth.maxDevices()),
            value(AUTH_TOKEN_CACHE_SIZE, Integer::valueOf, auth.tokenCacheSize()),
            value(AUTH_TOKEN_CACHE_EXPIRY_MS, BridgeConfigLoader::millis, auth.tokenCacheExpiry()),
            value(AUTH_RECHECK_INTERVAL_MS, BridgeConfigLoader::millis, auth.recheckInterval()),
            value(AUTH_MAX_FAILED_ATTEMPTS, Integer::valueOf, auth.maxFailedAttempts()),
            value(
                AUTH_FAILED_ATTEMPTS_WINDOW_MS,
                BridgeConfigLoader::millis,
                auth.failedAttemptsWindow())),
        new Limits(
            value(
                LIMITS_MAX_PAYLOAD_BYTES,
                BridgeConfigLoader::positiveInt,
                limits.maxPayloadBytes()),
            value(
                LIMITS_PUBLISHES_PER_SECOND,
                BridgeConfigLoader::notNegativeInt,
                limits.publishesPerSecond()),
            value(LIMITS_PUBLISH_BURST, BridgeConfigLoader::positiveInt, limits.publishBurst()),
            value(
                LIMITS_MAX_IN_FLIGHT_BYTES,
                BridgeConfigLoader::positiveLong,
                limits.maxInFlightBytes())),
        downlink(defaults.downlink()));
  }

  private Downlink downlink(Downlink defaults) {
    return new Downlink(
        value(DOWNLINK_TOPIC, Function.identity(), defaults.topic()),
        value(DOWNLINK_NODE_ID),
        value(DOWNLINK_MAX_POLL_RECORDS, Integer::valueOf, defaults.maxPollRecords()));
  }

  private <T> T value(String key, Function<String, T> parser, T defaultValue) {
    String raw = value(key);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return parser.apply(raw);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "invalid " + key + " (" + envName(key) + "): " + raw + ": " + e.getMessage(), e);
    }
  }

  private @Nullable String value(String key) {
    String fromEnv = env.get(envName(key));
    String raw = fromEnv != null ? fromEnv : file.getProperty(key);
    return raw == null || raw.isBlank() ? null : raw.trim();
  }

  private static AuthMode authMode(String value) {
    return AuthMode.valueOf(value.toUpperCase(Locale.ROOT));
  }

  private static int positiveInt(String value) {
    return Math.toIntExact(positiveLong(value));
  }

  private static int notNegativeInt(String value) {
    int parsed = Integer.parseInt(value);
    if (parsed < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    return parsed;
  }

  private static long positiveLong(String value) {
    long parsed = Long.parseLong(value);
    if (parsed < 1) {
      throw new IllegalArgumentException("must be positive");
    }
    return parsed;
  }

  private static Duration millis(String value) {
    return Duration.ofMillis(Long.parseLong(value));
  }

  private static Properties read(Path propertiesFile) {
    Properties properties = new Properties();
    if (Files.isRegularFile(propertiesFile)) {
      try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + propertiesFile, e);
      }
    }
    return properties;
  }
}
