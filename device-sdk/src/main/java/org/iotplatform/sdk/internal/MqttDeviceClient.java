package org.iotplatform.sdk.internal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientReconnector;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.reactivex.schedulers.Schedulers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.ShadowTopic;
import org.iotplatform.sdk.Backoff;
import org.iotplatform.sdk.ClientClosedException;
import org.iotplatform.sdk.ClientStats;
import org.iotplatform.sdk.CommandHandler;
import org.iotplatform.sdk.ConnectionState;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.sdk.Heartbeat;
import org.iotplatform.sdk.InvalidConfigurationException;
import org.iotplatform.sdk.MessageHandler;
import org.iotplatform.sdk.PublishReceipt;
import org.iotplatform.sdk.Qos;
import org.iotplatform.sdk.TelemetryMessage;
import org.iotplatform.sdk.internal.shadow.MqttDeviceShadow;
import org.iotplatform.sdk.shadow.DeviceShadow;
import org.jspecify.annotations.Nullable;

/**
 * The device client on the HiveMQ MQTT client. The HiveMQ client's reconnector does the
 * reconnecting; this class picks each delay (full jitter) and endpoint, and the {@link Outbox}
 * decides what is sent when.
 */
public final class MqttDeviceClient implements DeviceClient {

  private static final Logger LOG = Logger.getLogger(MqttDeviceClient.class.getName());
  private static final byte[] OFFLINE =
      "{\"state\":\"offline\"}".getBytes(StandardCharsets.US_ASCII);

  /** Refusals of the device's credentials: trying again with the same ones cannot help. */
  private static final Set<Mqtt5ConnAckReasonCode> CREDENTIALS_REFUSED =
      Set.of(
          Mqtt5ConnAckReasonCode.NOT_AUTHORIZED,
          Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD,
          Mqtt5ConnAckReasonCode.BANNED,
          Mqtt5ConnAckReasonCode.BAD_AUTHENTICATION_METHOD,
          Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID);

  /**
   * How long refused credentials are retried before the first connect gives up: a device
   * provisioned a moment ago is refused until the broker has learnt its new credential.
   */
  static final Duration CREDENTIALS_GRACE = Duration.ofSeconds(10);

  private final ClientConfig config;
  private final String prefix;
  private final ScheduledExecutorService executor;
  private final Executor callbacks;
  private final EndpointRing endpoints;
  private final Outbox outbox;
  private final CommandDispatcher commands;
  private final Mqtt5AsyncClient client;
  private final Subscriptions subscriptions;
  private final Map<String, DeviceShadow> shadows = new ConcurrentHashMap<>();
  private final List<ConnectionFeature> features = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();

  private volatile ConnectionState state = ConnectionState.NEW;
  private boolean everConnected;
  private long epoch;
  private long connectStarted;
  private long connects;
  private @Nullable Endpoint connectedTo;
  private @Nullable ScheduledFuture<?> heartbeats;

  public MqttDeviceClient(ClientConfig config) {
    this.config = config;
    this.prefix = DeviceTopic.prefix(config.deviceId());
    this.subscriptions = new Subscriptions(config.deviceId());
    this.executor = config.executor() != null ? config.executor() : SdkExecutors.shared();
    this.callbacks = config.callbackExecutor() != null ? config.callbackExecutor() : executor;
    this.endpoints = new EndpointRing(config.endpoints(), config.deviceId());
    this.outbox =
        new Outbox(
            MessageStores.open(config.offlineBuffer()),
            this::send,
            executor,
            callbacks,
            config.maxInFlight(),
            retryBackoff(config.backoff()));
    this.commands =
        new CommandDispatcher(
            response -> publish(CommandDispatcher.RESPONSES, response, Qos.AT_LEAST_ONCE));
    this.client = buildClient();
  }

  /** A retry while connected (the platform busy) grows like a reconnect, to at most 30 s. */
  private static Backoff retryBackoff(Backoff reconnect) {
    Duration cap = Duration.ofSeconds(30);
    if (reconnect.cap().compareTo(cap) < 0 || reconnect.initial().compareTo(cap) > 0) {
      return reconnect;
    }
    return new Backoff(reconnect.initial(), cap);
  }

  private Mqtt5AsyncClient buildClient() {
    Mqtt5ClientBuilder builder =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(config.deviceId())
            .transportConfig(transport(endpoints.current()))
            .addConnectedListener(context -> connected())
            .addDisconnectedListener(this::disconnected);
    if (config.executor() != null || config.callbackExecutor() != null) {
      builder =
          builder
              .executorConfig()
              .applicationScheduler(Schedulers.from(callbacks))
              .applyExecutorConfig();
    }
    Mqtt5AsyncClient built = builder.buildAsync();
    // ALL, not SUBSCRIBED: with a persistent session the broker delivers what it queued for
    // the subscriptions of an earlier run before this one subscribed again.
    built.publishes(MqttGlobalPublishFilter.ALL, subscriptions::dispatch, callbacks);
    return built;
  }

  private MqttClientTransportConfig transport(Endpoint endpoint) {
    var transport =
        MqttClientTransportConfig.builder().serverHost(endpoint.host()).serverPort(endpoint.port());
    TlsMaterial tls = config.tls();
    if (tls != null) {
      MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder();
      if (tls.keyManagers() != null) {
        ssl = ssl.keyManagerFactory(tls.keyManagers());
      }
      if (tls.trustManagers() != null) {
        ssl = ssl.trustManagerFactory(tls.trustManagers());
      }
      transport = transport.sslConfig(ssl.build());
    }
    return transport.build();
  }

  private Mqtt5Connect connectMessage() {
    Mqtt5ConnectBuilder builder =
        Mqtt5Connect.builder()
            .cleanStart(config.sessionExpiry().isZero())
            .sessionExpiryInterval(config.sessionExpiry().toSeconds())
            .keepAlive((int) config.keepAlive().toSeconds())
            .willPublish()
            .topic(prefix + DeviceTopic.STATUS)
            .qos(MqttQos.AT_LEAST_ONCE)
            .payload(OFFLINE)
            .applyWillPublish();
    String token = config.token();
    if (token != null) {
      builder =
          builder
              .simpleAuth()
              .username(config.deviceId())
              .password(token.getBytes(StandardCharsets.UTF_8))
              .applySimpleAuth();
    }
    return builder.build();
  }

  @Override
  public String deviceId() {
    return config.deviceId();
  }

  @Override
  public synchronized CompletableFuture<Void> connect() {
    if (state == ConnectionState.NEW) {
      state = ConnectionState.CONNECTING;
      connectStarted = System.nanoTime();
      Duration interval = config.heartbeatInterval();
      if (interval != null) {
        heartbeats =
            executor.scheduleAtFixedRate(
                this::heartbeat, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
      }
      // A failed attempt also reaches the disconnected listener, which retries or gives up.
      client.connect(connectMessage());
    }
    return firstConnect;
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(TelemetryMessage message) {
    return publish(message, config.defaultQos());
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(TelemetryMessage message, Qos qos) {
    TelemetryMessage stamped =
        message.timestamp() != null && message.sequence() != null
            ? message
            : message.stamped(Instant.now(), sequence.incrementAndGet());
    return outbox.add(DeviceTopic.TELEMETRY, qos, stamped.toPayload(), stamped.sequence());
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(String subtopic, byte[] payload, Qos qos) {
    checkSubtopic(subtopic, false);
    return outbox.add(subtopic, qos, payload, null);
  }

  @Override
  public CompletableFuture<PublishReceipt> reportStatus(Heartbeat heartbeat) {
    if (state != ConnectionState.CONNECTED) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "device " + config.deviceId() + " is not connected; heartbeats are not buffered"));
    }
    return client
        .publishWith()
        .topic(prefix + DeviceTopic.STATUS)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(heartbeat.toPayload())
        .send()
        .thenApply(result -> new PublishReceipt(DeviceTopic.STATUS, Qos.AT_LEAST_ONCE, null));
  }

  @Override
  public void subscribe(String subtopicFilter, MessageHandler handler) {
    checkSubtopic(subtopicFilter, true);
    subscriptions.put(subtopicFilter, handler);
    if (state == ConnectionState.CONNECTED) {
      subscriptions.subscribe(client, List.of(subtopicFilter));
    }
  }

  @Override
  public void onCommand(String name, CommandHandler handler) {
    if (commands.register(name, handler)) {
      subscribe(CommandDispatcher.COMMANDS, (subtopic, payload) -> commands.dispatch(payload));
    }
  }

  @Override
  public DeviceShadow shadow() {
    return shadows.computeIfAbsent("", key -> attach(newShadow(null)));
  }

  @Override
  public DeviceShadow shadow(String name) {
    if (!ShadowTopic.isValidShadowName(name)) {
      throw new IllegalArgumentException(
          "a shadow name is 1-64 letters, digits, ':', '_' or '-', not " + name);
    }
    // The classic shadow's key "" is no valid name, so the two never meet.
    return shadows.computeIfAbsent(name, key -> attach(newShadow(name)));
  }

  private MqttDeviceShadow newShadow(@Nullable String name) {
    return new MqttDeviceShadow(
        config.deviceId(),
        name,
        (subtopic, payload) -> publish(subtopic, payload, Qos.AT_LEAST_ONCE),
        executor,
        callbacks,
        config.shadowRetry());
  }

  /**
   * Adds a feature's subscriptions. One attached while connected subscribes now and is ready once
   * the broker acknowledged; otherwise the next connect does both.
   */
  private <F extends ConnectionFeature> F attach(F feature) {
    long connection;
    synchronized (this) {
      if (state == ConnectionState.CLOSED) {
        feature.closed();
        return feature;
      }
      feature.subscriptions().forEach(subscriptions::addFeatureHandler);
      features.add(feature);
      if (state != ConnectionState.CONNECTED) {
        return feature;
      }
      connection = epoch;
    }
    subscriptions
        .subscribe(client, feature.subscriptions().keySet())
        .thenRun(
            () ->
                callback(
                    () -> {
                      if (isCurrent(connection)) {
                        feature.ready();
                      }
                    }));
    return feature;
  }

  private synchronized boolean isCurrent(long connection) {
    return epoch == connection && state == ConnectionState.CONNECTED;
  }

  @Override
  public ConnectionState state() {
    return state;
  }

  @Override
  public synchronized ClientStats stats() {
    return new ClientStats(
        outbox.buffered(),
        outbox.published(),
        outbox.delivered(),
        outbox.refused(),
        outbox.dropped(),
        connects);
  }

  @Override
  public void close() {
    boolean wasConnected;
    synchronized (this) {
      if (state == ConnectionState.CLOSED) {
        return;
      }
      wasConnected = state == ConnectionState.CONNECTED;
      state = ConnectionState.CLOSED;
      if (heartbeats != null) {
        heartbeats.cancel(false);
      }
    }
    outbox.close();
    features.forEach(ConnectionFeature::closed);
    firstConnect.completeExceptionally(new ClientClosedException("the client was closed"));
    CompletableFuture<Void> disconnect = client.disconnect();
    if (!wasConnected) {
      return; // ends a pending reconnect; there is no DISCONNECT to wait for
    }
    try {
      // A normal DISCONNECT, sent before close() returns: the broker discards the last will.
      disconnect.get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.FINE, "disconnect of {0}: {1}", new Object[] {config.deviceId(), e});
    }
  }

  /**
   * Runs {@code task} on the callback executor; a caller's executor that was shut down after this
   * client was closed drops it silently.
   */
  private void callback(Runnable task) {
    try {
      callbacks.execute(task);
    } catch (RejectedExecutionException e) {
      if (state != ConnectionState.CLOSED) {
        throw e;
      }
    }
  }

  /**
   * Runs on the client's network thread, so the state changes in the order the connection events
   * happened; the rest (subscriptions, draining, callbacks) runs on the executor.
   */
  private void connected() {
    long connection;
    synchronized (this) {
      if (state == ConnectionState.CLOSED) {
        // A reconnect scheduled before close() went through: end it.
        client.disconnect();
        return;
      }
      state = ConnectionState.CONNECTED;
      everConnected = true;
      connects++;
      connection = ++epoch;
      connectedTo = endpoints.current();
    }
    callback(() -> afterConnect(connection));
  }

  /**
   * Subscribes first and sends the buffer only once the broker acknowledged: a request buffered
   * offline (a shadow get) must not go out before the subscription its answer comes back on.
   */
  private void afterConnect(long connection) {
    List<ConnectionFeature> ready;
    synchronized (this) {
      if (epoch != connection) {
        return; // already lost again; the next connect does this
      }
      // Taken with the subscriptions, so each feature's are among those acknowledged.
      ready = List.copyOf(features);
    }
    subscriptions
        .subscribe(client, subscriptions.filters())
        .thenRun(() -> callback(() -> subscribed(connection, ready)));
  }

  private void subscribed(long connection, List<ConnectionFeature> ready) {
    Endpoint endpoint;
    synchronized (this) {
      if (epoch != connection) {
        return; // already lost again; the next connect does this
      }
      endpoint = endpoints.current();
      // Under the lock, so a disconnect cannot slip in between the check and this.
      outbox.connected();
    }
    firstConnect.complete(null);
    heartbeat();
    ready.forEach(ConnectionFeature::ready);
    config.listener().connected(endpoint);
  }

  private void disconnected(MqttClientDisconnectedContext context) {
    MqttClientReconnector reconnector = context.getReconnector();
    Throwable cause = context.getCause();
    Endpoint next;
    synchronized (this) {
      epoch++;
      outbox.disconnected();
      if (state == ConnectionState.CLOSED) {
        reconnector.reconnect(false);
        return;
      }
      if (!everConnected
          && credentialsRefused(cause)
          && System.nanoTime() - connectStarted >= CREDENTIALS_GRACE.toNanos()) {
        reconnector.reconnect(false);
        state = ConnectionState.CLOSED;
        giveUp(cause);
        return;
      }
      boolean lostConnection = state == ConnectionState.CONNECTED;
      state = ConnectionState.CONNECTING;
      connectedTo = null;
      // A lost connection is tried again where it was; a failed attempt moves on to the next.
      next = lostConnection ? endpoints.current() : endpoints.next();
    }
    // Here, not on the callback executor: before the next connect can make them ready again.
    features.forEach(ConnectionFeature::lost);
    Duration delay = config.backoff().delay(reconnector.getAttempts(), ThreadLocalRandom.current());
    reconnector
        .reconnect(true)
        .transportConfig(transport(next))
        .delay(delay.toNanos(), TimeUnit.NANOSECONDS);
    callback(() -> config.listener().disconnected(cause, delay));
  }

  private void giveUp(Throwable cause) {
    if (heartbeats != null) {
      heartbeats.cancel(false);
    }
    callback(
        () -> {
          outbox.close();
          features.forEach(ConnectionFeature::closed);
          firstConnect.completeExceptionally(
              new InvalidConfigurationException(
                  "the platform refused the credentials of device "
                      + config.deviceId()
                      + ": "
                      + cause.getMessage(),
                  cause));
        });
  }

  private static boolean credentialsRefused(Throwable cause) {
    return cause instanceof Mqtt5ConnAckException refused
        && CREDENTIALS_REFUSED.contains(refused.getMqttMessage().getReasonCode());
  }

  private CompletableFuture<SendOutcome> send(StoredMessage message) {
    return client
        .publishWith()
        .topic(prefix + message.subtopic())
        .qos(message.qos() == 1 ? MqttQos.AT_LEAST_ONCE : MqttQos.AT_MOST_ONCE)
        .payload(message.payload())
        .send()
        .handle(PublishOutcomes::of);
  }

  private void heartbeat() {
    var status = config.heartbeat();
    if (status != null && state == ConnectionState.CONNECTED) {
      reportStatus(status.get())
          .exceptionally(
              e -> {
                LOG.log(Level.FINE, "heartbeat of {0} not sent: {1}", new Object[] {deviceId(), e});
                return null;
              });
    }
  }

  private static void checkSubtopic(String subtopic, boolean filter) {
    if (subtopic.isEmpty() || subtopic.startsWith("/")) {
      throw new IllegalArgumentException("a subtopic is not empty and has no leading '/'");
    }
    if (!filter && (subtopic.contains("+") || subtopic.contains("#"))) {
      throw new IllegalArgumentException("a publish subtopic has no wildcards: " + subtopic);
    }
  }

  @Override
  public String toString() {
    return "DeviceClient[" + config.deviceId() + ", " + state + ", " + connectedTo + "]";
  }
}
