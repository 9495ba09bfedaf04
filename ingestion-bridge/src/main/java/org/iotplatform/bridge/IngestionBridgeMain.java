package org.iotplatform.bridge;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.Authenticator;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.auth.SecurityRegistry;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.iotplatform.bridge.internal.auth.AnyClientAuthenticator;
import org.iotplatform.bridge.internal.auth.CredentialAuthentication;
import org.iotplatform.bridge.internal.auth.DeviceTopicAuthorizer;
import org.iotplatform.bridge.internal.auth.DeviceTopicPolicy;
import org.iotplatform.bridge.internal.downlink.Downlink;
import org.iotplatform.bridge.internal.downlink.NodeIds;
import org.iotplatform.bridge.internal.forwarding.Forwarding;
import org.iotplatform.bridge.internal.forwarding.KafkaProducers;
import org.iotplatform.bridge.internal.forwarding.PublishRouter;
import org.iotplatform.bridge.internal.lifecycle.LifecycleEventListener;
import org.iotplatform.bridge.internal.lifecycle.Wills;
import org.iotplatform.bridge.internal.view.DeviceView;
import org.iotplatform.bridge.internal.view.DeviceViewUpdater;
import org.iotplatform.contracts.DeviceSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension's entry point: builds the bridge's objects by hand, registers them with the broker
 * and owns the Kafka producer. A standalone HiveMQ creates it with the no-argument constructor; an
 * in-process broker gets it from {@link IngestionBridge#embeddedExtension(BridgeConfig)}.
 *
 * <p>A start-up failure (bad configuration, say) is logged and stops the extension, not the broker,
 * which keeps running without the bridge: nothing is forwarded and no topic rule applies, so that
 * error log line is what operators must alert on.
 */
public final class IngestionBridgeMain implements ExtensionMain {

  /** The configuration file of a standalone installation, relative to the extension's folder. */
  public static final String CONFIG_FILE = "conf/config.properties";

  private static final Logger log = LoggerFactory.getLogger(IngestionBridgeMain.class);

  private final Function<Path, BridgeConfig> configSource;
  private final Function<BridgeConfig, Producer<byte[], byte[]>> producerFactory;

  // Written by the broker's start thread, read by its stop thread.
  private volatile @Nullable Running running;

  /** For a standalone HiveMQ: reads {@value #CONFIG_FILE} and {@code IOT_BRIDGE_*} variables. */
  public IngestionBridgeMain() {
    this(
        home -> BridgeConfigLoader.load(home.resolve(CONFIG_FILE), System.getenv()),
        KafkaProducers::create);
  }

  IngestionBridgeMain(BridgeConfig config) {
    this(home -> config, KafkaProducers::create);
  }

  IngestionBridgeMain(
      Function<Path, BridgeConfig> configSource,
      Function<BridgeConfig, Producer<byte[], byte[]>> producerFactory) {
    this.configSource = configSource;
    this.producerFactory = producerFactory;
  }

  @Override
  public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
    @Nullable Producer<byte[], byte[]> producer = null;
    try {
      Path home = input.getExtensionInformation().getExtensionHomeFolder().toPath();
      BridgeConfig config = configSource.apply(home);
      producer = producerFactory.apply(config);
      running = register(config, producer, input);
      log.info(
          "Ingestion bridge started: Kafka {}, tenant {}, topics {}, authentication {}, {}",
          config.bootstrapServers(),
          config.tenantId(),
          config.topics(),
          config.auth().mode(),
          config.limits());
    } catch (RuntimeException e) {
      log.error("Ingestion bridge failed to start", e);
      if (producer != null) {
        producer.close(Duration.ZERO);
      }
      output.preventExtensionStartup("ingestion bridge failed to start: " + e.getMessage());
    }
  }

  @Override
  public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    Running stopping = running;
    running = null;
    if (stopping != null) {
      if (stopping.view() != null) {
        stopping.view().stop();
      }
      stopping.downlink().stop();
      stopping.forwarding().close();
      // Waits for records in flight, so publishes already acknowledged to devices are not lost.
      stopping.producer().close(stopping.config().sendTimeout());
      log.info("Ingestion bridge stopped");
    }
  }

  private static Running register(
      BridgeConfig config, Producer<byte[], byte[]> producer, ExtensionStartInput input) {
    DeviceTopicPolicy policy = new DeviceTopicPolicy();
    @Nullable DeviceViewUpdater updater = null;
    Authenticator authenticator = new AnyClientAuthenticator();
    Function<String, String> tenantOf = deviceId -> config.tenantId();
    // This node's client service, taken now: Services is static, shared by brokers in one JVM.
    ClientService clients = Services.clientService();
    if (config.auth().mode() == BridgeConfig.AuthMode.CREDENTIALS) {
      CredentialAuthentication credentials =
          CredentialAuthentication.start(
              config,
              Services.metricRegistry(),
              Services.extensionExecutorService(),
              (clientId, reason) -> disconnect(clients, clientId, reason));
      authenticator = credentials.authenticator();
      updater = credentials.updater();
      // ADR 0007: ids are unique across tenants, so the device's snapshot names its tenant.
      DeviceView view = credentials.view();
      tenantOf =
          deviceId -> view.device(deviceId).map(DeviceSnapshot::tenantId).orElse(config.tenantId());
    }
    DeviceTopicAuthorizer authorizer = new DeviceTopicAuthorizer(policy, Services.metricRegistry());
    Forwarding forwarding =
        Forwarding.start(
            config,
            authorizer,
            producer,
            Services.metricRegistry(),
            tenantOf,
            (clientId, reason) ->
                clients.disconnectClient(
                    clientId, false, DisconnectReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, reason));

    SecurityRegistry security = Services.securityRegistry();
    Authenticator chosen = authenticator;
    security.setAuthenticatorProvider(providerInput -> chosen);
    security.setAuthorizerProvider(providerInput -> authorizer);
    Services.initializerRegistry()
        .setClientInitializer((initializerInput, client) -> forwarding.addTo(client));
    Wills wills = new Wills(config.limits().maxPayloadBytes(), Services.extensionExecutorService());
    Services.interceptorRegistry().setConnectInboundInterceptorProvider(providerInput -> wills);
    LifecycleEventListener lifecycle =
        new LifecycleEventListener(
            producer,
            config.topics().deviceEvents(),
            tenantOf,
            wills,
            new PublishRouter(config.topics()),
            Services.metricRegistry(),
            Clock.systemUTC());
    Services.eventRegistry().setClientLifecycleEventListener(providerInput -> lifecycle);
    return new Running(config, producer, forwarding, updater, startDownlink(config, input));
  }

  private static Downlink startDownlink(BridgeConfig config, ExtensionStartInput input) {
    BridgeConfig.Downlink downlink = config.downlink();
    String nodeId =
        Objects.requireNonNullElseGet(
            downlink.nodeId(),
            () -> NodeIds.local(input.getServerInformation().getDataFolder().toPath()));
    // This node's services, taken now: Services is static, shared by brokers in one JVM.
    return Downlink.start(
        config.bootstrapServers(),
        downlink.topic(),
        nodeId,
        downlink.maxPollRecords(),
        Services.clientService(),
        Services.publishService(),
        Services.retainedMessageStore(),
        Services.metricRegistry());
  }

  private static void disconnect(ClientService clients, String clientId, String reason) {
    clients
        .disconnectClient(clientId, false, DisconnectReasonCode.NOT_AUTHORIZED, reason)
        .whenComplete(
            (found, error) -> {
              if (error != null) {
                log.warn("Could not disconnect {} after a revocation", clientId, error);
              }
            });
  }

  private record Running(
      BridgeConfig config,
      Producer<byte[], byte[]> producer,
      Forwarding forwarding,
      @Nullable DeviceViewUpdater view,
      Downlink downlink) {}
}
