package org.iotplatform.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iotplatform.sdk.ClientClosedException;
import org.iotplatform.sdk.ConnectionListener;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.sdk.DeviceClientBuilder;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.sdk.OfflineBuffer;
import org.iotplatform.sdk.OfflineBufferFullException;
import org.iotplatform.sdk.TlsOptions;
import org.iotplatform.simulator.profile.Outages;
import org.iotplatform.simulator.profile.Reading;
import org.iotplatform.simulator.profile.SignalProfile;
import org.iotplatform.simulator.stats.SimulationStats;
import org.jspecify.annotations.Nullable;

/**
 * One simulated device: a client, its profile and its outages. {@link #tick()} runs once per
 * interval on the shared scheduler; an outage closes the client and a later tick builds a new one,
 * as a device that lost power would come back.
 */
final class SimulatedDevice {

  private final DeviceCredential credential;
  private final SimulationConfig config;
  private final SignalProfile profile;
  private final Outages outages;
  private final SimulationStats stats;
  private final ScheduledExecutorService executor;
  private final Executor callbacks;
  private @Nullable DeviceClient client;
  private @Nullable Link link;
  private @Nullable Instant offlineUntil;
  private long sequence;
  private boolean closed;

  SimulatedDevice(
      DeviceCredential credential,
      SimulationConfig config,
      SimulationStats stats,
      ScheduledExecutorService executor,
      Executor callbacks) {
    this.credential = credential;
    this.config = config;
    this.profile = config.profile().create(credential.deviceId(), config.seed(), config.signals());
    this.outages = Outages.of(credential.deviceId(), config.seed(), config.signals());
    this.stats = stats;
    this.executor = executor;
    this.callbacks = callbacks;
  }

  /** Builds the client and starts connecting. */
  synchronized void start() {
    if (closed || client != null) {
      return;
    }
    Link newLink = new Link();
    DeviceClient newClient;
    try {
      newClient = builder(newLink).build();
    } catch (RuntimeException e) {
      stats.error(e);
      closed = true; // a configuration that cannot work will not work at the next tick either
      return;
    }
    client = newClient;
    link = newLink;
    newClient
        .connect()
        .whenComplete(
            (connected, failure) -> {
              // Closed before it ever connected (an outage, the end of the run): no error.
              if (failure != null && !(unwrap(failure) instanceof ClientClosedException)) {
                stats.error(unwrap(failure));
              }
            });
  }

  /** Publishes the next reading, or goes offline, or comes back. */
  synchronized void tick() {
    if (closed) {
      return;
    }
    Instant now = Instant.now();
    if (offlineUntil != null) {
      if (now.isBefore(offlineUntil)) {
        return;
      }
      offlineUntil = null;
      start();
    }
    Duration outage = outages.next(config.interval());
    if (outage != null) {
      offlineUntil = now.plus(outage);
      closeClient();
      return;
    }
    DeviceClient current = client;
    if (current == null) {
      return;
    }
    Reading reading = profile.next(now);
    long handedOver = System.nanoTime();
    stats.sent();
    current
        .publish(reading.toMessage(now, sequence++), config.qos())
        .whenComplete(
            (receipt, failure) -> {
              if (failure == null) {
                stats.acknowledged(System.nanoTime() - handedOver);
              } else {
                failed(unwrap(failure));
              }
            });
  }

  /**
   * Closes the client for good. The client is closed outside the device's lock: a close waits for
   * the broker's answer to its DISCONNECT, and the scheduler's ticks must not wait for that.
   */
  void close() {
    DeviceClient current;
    synchronized (this) {
      closed = true;
      current = detachClient();
    }
    if (current != null) {
      current.close();
    }
  }

  private void failed(Throwable failure) {
    if (failure instanceof OfflineBufferFullException || failure instanceof ClientClosedException) {
      stats.dropped();
    } else {
      stats.error(failure);
    }
  }

  /** An outage: the client goes, closed on a callback thread so that this tick returns at once. */
  private void closeClient() {
    DeviceClient current = detachClient();
    if (current != null) {
      callbacks.execute(current::close);
    }
  }

  private @Nullable DeviceClient detachClient() {
    DeviceClient current = client;
    Link currentLink = link;
    client = null;
    link = null;
    if (currentLink != null) {
      currentLink.retire();
    }
    return current;
  }

  private DeviceClientBuilder builder(Link listener) {
    DeviceClientBuilder builder =
        DeviceClient.builder()
            .deviceId(credential.deviceId())
            .defaultQos(config.qos())
            .offlineBuffer(OfflineBuffer.inMemory(config.offlineBuffer()))
            .heartbeat(config.heartbeat(), profile::heartbeat)
            .connectionListener(listener)
            .executor(executor)
            .callbackExecutor(callbacks);
    for (Endpoint broker : config.brokers()) {
      builder.endpoint(broker);
    }
    TlsOptions.Builder tls = TlsOptions.builder();
    if (config.tlsCa() != null) {
      tls.trustedCertificates(config.tlsCa());
    }
    if (credential instanceof DeviceCredential.Token token) {
      builder.token(token.token());
      if (config.tlsCa() != null) {
        builder.tls(tls.build());
      }
    } else if (credential instanceof DeviceCredential.Certificate certificate) {
      builder.tls(
          tls.clientCertificate(certificate.certificatePem(), certificate.privateKeyPem()).build());
    }
    return builder;
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /**
   * Counts one client's connection in the fleet's gauge, once per connect and disconnect; a retired
   * (closed) client's late callbacks count no more.
   */
  private final class Link implements ConnectionListener {

    private final AtomicBoolean up = new AtomicBoolean();
    private volatile boolean retired;

    @Override
    public void connected(Endpoint endpoint) {
      if (up.compareAndSet(false, true)) {
        stats.connected();
        // Closed meanwhile: take the count back, whichever of the two came first.
        if (retired && up.compareAndSet(true, false)) {
          stats.disconnected();
        }
      }
    }

    @Override
    public void disconnected(Throwable cause, Duration reconnectIn) {
      if (up.compareAndSet(true, false)) {
        stats.disconnected();
      } else {
        stats.connectAttemptFailed(cause);
      }
    }

    void retire() {
      retired = true;
      if (up.compareAndSet(true, false)) {
        stats.disconnected();
      }
    }
  }
}
