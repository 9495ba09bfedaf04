package org.iotplatform.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.sdk.internal.ClientConfig;
import org.iotplatform.sdk.internal.MqttDeviceClient;
import org.iotplatform.sdk.internal.TlsMaterial;
import org.iotplatform.sdk.shadow.ShadowRetry;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link DeviceClient}. Everything but the device id, an endpoint and a credential (a
 * token or a client certificate) has a default. Not thread-safe.
 */
public final class DeviceClientBuilder {

  private @Nullable String deviceId;
  private final List<Endpoint> endpoints = new ArrayList<>();
  private @Nullable String token;
  private @Nullable TlsOptions tls;
  private Duration keepAlive = Duration.ofSeconds(60);
  private Duration sessionExpiry = Duration.ZERO;
  private OfflineBuffer offlineBuffer = OfflineBuffer.DEFAULT;
  private Backoff backoff = Backoff.DEFAULT;
  private Qos defaultQos = Qos.AT_LEAST_ONCE;
  private int maxInFlight = 16;
  private @Nullable Duration heartbeatInterval;
  private @Nullable Supplier<Heartbeat> heartbeat;
  private ConnectionListener listener = new ConnectionListener() {};
  private @Nullable ScheduledExecutorService executor;
  private @Nullable Executor callbackExecutor;
  private ShadowRetry shadowRetry = ShadowRetry.DEFAULT;

  DeviceClientBuilder() {}

  /** The device id, as registered (letters, digits, {@code . _ -}; at most 64). */
  public DeviceClientBuilder deviceId(String id) {
    this.deviceId = id;
    return this;
  }

  /**
   * Adds a broker endpoint. With several, each device picks one by a stable hash of its id (so a
   * fleet spreads over the brokers) and moves to the next when it cannot connect.
   */
  public DeviceClientBuilder endpoint(String host, int port) {
    return endpoint(new Endpoint(host, port));
  }

  /** Adds a broker endpoint; see {@link #endpoint(String, int)}. */
  public DeviceClientBuilder endpoint(Endpoint endpoint) {
    endpoints.add(Objects.requireNonNull(endpoint));
    return this;
  }

  /** Authenticates with a token issued by the registry (MQTT user name = device id). */
  public DeviceClientBuilder token(String deviceToken) {
    this.token = deviceToken;
    return this;
  }

  /** Connects over TLS; with a client certificate in the options the device authenticates by it. */
  public DeviceClientBuilder tls(TlsOptions options) {
    this.tls = options;
    return this;
  }

  /** How often the connection is checked when idle (default 60 s). */
  public DeviceClientBuilder keepAlive(Duration interval) {
    this.keepAlive = interval;
    return this;
  }

  /**
   * Keeps the MQTT session on the broker for {@code expiry} after a disconnect, so commands sent
   * meanwhile are delivered at reconnect. Default: a clean session.
   */
  public DeviceClientBuilder persistentSession(Duration expiry) {
    this.sessionExpiry = expiry;
    return this;
  }

  /** Where unsent messages wait (default: 10,000 in memory, the oldest dropped when full). */
  public DeviceClientBuilder offlineBuffer(OfflineBuffer buffer) {
    this.offlineBuffer = buffer;
    return this;
  }

  /** Reconnect delays (default: full jitter from 1 s up to 2 min). */
  public DeviceClientBuilder reconnectBackoff(Backoff reconnect) {
    this.backoff = reconnect;
    return this;
  }

  /** The QoS of {@link DeviceClient#publish(TelemetryMessage)} (default at least once). */
  public DeviceClientBuilder defaultQos(Qos qos) {
    this.defaultQos = qos;
    return this;
  }

  /** How many QoS 1 messages may wait for their acknowledgement at once (default 16). */
  public DeviceClientBuilder maxInFlight(int messages) {
    this.maxInFlight = messages;
    return this;
  }

  /**
   * Publishes {@code status} on {@code devices/{id}/status} every {@code interval} while connected.
   */
  public DeviceClientBuilder heartbeat(Duration interval, Supplier<Heartbeat> status) {
    this.heartbeatInterval = interval;
    this.heartbeat = status;
    return this;
  }

  /** Learns about connects and disconnects. */
  public DeviceClientBuilder connectionListener(ConnectionListener connectionListener) {
    this.listener = connectionListener;
    return this;
  }

  /**
   * Runs timers (reconnects, heartbeats, retries) and, unless {@link #callbackExecutor} is set,
   * callbacks on {@code scheduler} instead of the SDK's shared two daemon threads; many clients in
   * one JVM (a simulator) may share one. The client does not shut it down.
   */
  public DeviceClientBuilder executor(ScheduledExecutorService scheduler) {
    this.executor = scheduler;
    return this;
  }

  /**
   * Runs callbacks (publish futures, command and message handlers, the connection listener, the
   * MQTT client's own completions) on {@code callbacks}. Many clients sharing a scheduler with
   * thousands of periodic tasks should give it a plain executor here: every task handed to a
   * scheduled executor goes through its delay queue. The client does not shut it down.
   */
  public DeviceClientBuilder callbackExecutor(Executor callbacks) {
    this.callbackExecutor = callbacks;
    return this;
  }

  /**
   * How long a shadow request waits for its answer and how often it is sent (default 10 s, 3
   * times); see {@link org.iotplatform.sdk.shadow.DeviceShadow}.
   */
  public DeviceClientBuilder shadowRetry(ShadowRetry retry) {
    this.shadowRetry = Objects.requireNonNull(retry);
    return this;
  }

  /**
   * The client, not connected yet.
   *
   * @throws InvalidConfigurationException when the configuration cannot work: no or an invalid
   *     device id, no endpoint, no credential or both kinds, a key or certificate file missing or
   *     unreadable, a certificate issued to another device id or not matching its key
   */
  public DeviceClient build() {
    String id = deviceId;
    if (id == null || !DeviceTopic.isValidDeviceId(id)) {
      throw new InvalidConfigurationException(
          "the device id must be 1-64 letters, digits, '.', '_' or '-', not " + id);
    }
    if (endpoints.isEmpty()) {
      throw new InvalidConfigurationException(
          "no broker endpoint: add one with endpoint(host, port)");
    }
    boolean certificate = tls != null && tls.hasClientCertificate();
    if (token == null && !certificate) {
      throw new InvalidConfigurationException(
          "device " + id + " has no credential: give a token or TLS with a client certificate");
    }
    if (token != null && certificate) {
      throw new InvalidConfigurationException(
          "device " + id + " has a token and a client certificate: give one of them");
    }
    if (token != null && token.isBlank()) {
      throw new InvalidConfigurationException("device " + id + " has a blank token");
    }
    if (keepAlive.isNegative() || keepAlive.toSeconds() > 65_535) {
      throw new InvalidConfigurationException("keep-alive must be 0-65535 s, not " + keepAlive);
    }
    if (sessionExpiry.isNegative()) {
      throw new InvalidConfigurationException("the session expiry must not be negative");
    }
    if (maxInFlight < 1 || maxInFlight > 65_535) {
      throw new InvalidConfigurationException("max in-flight must be 1-65535, not " + maxInFlight);
    }
    if (heartbeatInterval != null && heartbeatInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InvalidConfigurationException("the heartbeat interval must be at least 1 s");
    }
    TlsMaterial tlsMaterial = tls == null ? null : TlsMaterial.load(tls, id);
    return new MqttDeviceClient(
        new ClientConfig(
            id,
            List.copyOf(endpoints),
            token,
            tlsMaterial,
            keepAlive,
            sessionExpiry,
            offlineBuffer,
            backoff,
            defaultQos,
            maxInFlight,
            heartbeatInterval,
            heartbeat,
            listener,
            executor,
            callbackExecutor,
            shadowRetry));
  }
}
