package org.iotplatform.sdk.internal.shadow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.iotplatform.contracts.ShadowTopic;
import org.iotplatform.contracts.ShadowTopic.Operation;
import org.iotplatform.contracts.ShadowTopic.Response;
import org.iotplatform.sdk.ClientClosedException;
import org.iotplatform.sdk.MessageHandler;
import org.iotplatform.sdk.PublishReceipt;
import org.iotplatform.sdk.internal.ConnectionFeature;
import org.iotplatform.sdk.shadow.DeltaListener;
import org.iotplatform.sdk.shadow.DeviceShadow;
import org.iotplatform.sdk.shadow.ReportAccepted;
import org.iotplatform.sdk.shadow.ShadowDelta;
import org.iotplatform.sdk.shadow.ShadowDocument;
import org.iotplatform.sdk.shadow.ShadowRejectedException;
import org.iotplatform.sdk.shadow.ShadowRetry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A device shadow client on the device client's {@code publish} and {@code subscribe}: requests go
 * through the offline buffer, answers arrive on the subscriptions it lends the client.
 */
public final class MqttDeviceShadow implements DeviceShadow, ConnectionFeature {

  /** Publishes a request at QoS 1 through the device client's offline buffer. */
  @FunctionalInterface
  public interface RequestPublisher {
    CompletableFuture<PublishReceipt> publish(String subtopic, byte[] payload);
  }

  private static final Logger LOG = Logger.getLogger(MqttDeviceShadow.class.getName());
  private static final int NOT_FOUND = 404;
  private static final int SERVER_ERROR = 500;

  private final String deviceId;
  private final @Nullable String name;
  private final String getTopic;
  private final String updateTopic;
  private final Map<String, MessageHandler> subscriptions = new LinkedHashMap<>();
  private final ClientTokens tokens = new ClientTokens();
  private final VersionGate gate = new VersionGate();
  private final ReportedState reportedState = new ReportedState();
  private final DeltaDelivery deltas;
  private final PendingRequests<ShadowDocument> gets;
  private final PendingRequests<ReportAccepted> reports;

  private final RequestPublisher publisher;

  /** Sends held until the first {@link #ready()}, in order: none leaves before its answer can. */
  private final List<Runnable> held = new ArrayList<>();

  private boolean everReady;
  private @Nullable CompletableFuture<ShadowDocument> sync;
  private volatile boolean closed;

  /**
   * @param deviceId the device
   * @param name the named shadow, or null for the classic one
   * @param publisher the device client's publish
   * @param timers where answer timeouts run (their work moves on to {@code callbacks})
   * @param callbacks the client's callback executor
   * @param retry the time-out and attempts of each request
   */
  public MqttDeviceShadow(
      String deviceId,
      @Nullable String name,
      RequestPublisher publisher,
      ScheduledExecutorService timers,
      Executor callbacks,
      ShadowRetry retry) {
    this.deviceId = deviceId;
    this.name = name;
    ShadowTopic get =
        name == null
            ? ShadowTopic.classic(deviceId, Operation.GET)
            : ShadowTopic.named(deviceId, name, Operation.GET);
    this.getTopic = get.subtopic();
    this.updateTopic = get.withOperation(Operation.UPDATE).subtopic();
    this.publisher = publisher;
    this.deltas = new DeltaDelivery(gate, callbacks);
    PendingRequests.Sender sender = this::send;
    PendingRequests.Timers timeouts =
        (delay, task) -> {
          ScheduledFuture<?> timer =
              timers.schedule(() -> callbacks.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
          return () -> timer.cancel(false);
        };
    this.gets = new PendingRequests<>(sender, timeouts, retry);
    this.reports = new PendingRequests<>(sender, timeouts, retry);
    subscriptions.put(answer(getTopic, Response.ACCEPTED), (topic, p) -> getAccepted(p));
    subscriptions.put(answer(getTopic, Response.REJECTED), (topic, p) -> getRejected(p));
    subscriptions.put(answer(updateTopic, Response.ACCEPTED), (topic, p) -> reportAccepted(p));
    subscriptions.put(answer(updateTopic, Response.REJECTED), (topic, p) -> reportRejected(p));
    subscriptions.put(answer(updateTopic, Response.DELTA), (topic, p) -> delta(p));
  }

  private static String answer(String requestTopic, Response response) {
    return requestTopic + "/" + response.level();
  }

  @Override
  public @Nullable String name() {
    return name;
  }

  @Override
  public CompletableFuture<ShadowDocument> get() {
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    String token = tokens.next();
    return gets.start(token, getTopic, ShadowPayloads.getRequest(token));
  }

  @Override
  public CompletableFuture<ReportAccepted> report(ObjectNode reported) {
    return report(reported, null);
  }

  @Override
  public CompletableFuture<ReportAccepted> report(Map<String, ?> reported) {
    return report(ShadowPayloads.toObject(reported));
  }

  @Override
  public CompletableFuture<ReportAccepted> reportWithVersion(ObjectNode reported, long version) {
    return report(reported, version);
  }

  private CompletableFuture<ReportAccepted> report(ObjectNode reported, @Nullable Long version) {
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    String token = tokens.next();
    if (version != null) {
      // Read-modify-write: sent again as it was, and its conflict is the caller's to resolve.
      return reports.start(
          token, updateTopic, ShadowPayloads.reportRequest(reported, version, token));
    }
    ObjectNode own = reported.deepCopy();
    reportedState.merge(own);
    return reports.start(
        token,
        updateTopic,
        () -> ShadowPayloads.reportRequest(reportedState.latest(own), null, token));
  }

  @Override
  public void onDelta(DeltaListener listener) {
    deltas.listener(listener);
  }

  @Override
  public long version() {
    return gate.highest();
  }

  @Override
  public Map<String, MessageHandler> subscriptions() {
    return Map.copyOf(subscriptions);
  }

  private synchronized CompletableFuture<PublishReceipt> send(String subtopic, byte[] payload) {
    if (everReady) {
      return publisher.publish(subtopic, payload);
    }
    CompletableFuture<PublishReceipt> sent = new CompletableFuture<>();
    held.add(
        () ->
            publisher
                .publish(subtopic, payload)
                .whenComplete(
                    (receipt, error) -> {
                      if (error != null) {
                        sent.completeExceptionally(error);
                      } else {
                        sent.complete(receipt);
                      }
                    }));
    return sent;
  }

  @Override
  public void ready() {
    synchronized (this) {
      if (!everReady) {
        everReady = true;
        // Under the lock, so a request made meanwhile cannot overtake them.
        held.forEach(Runnable::run);
        held.clear();
      }
    }
    gets.ready();
    reports.ready();
    syncOnConnect();
  }

  @Override
  public void lost() {
    gets.connectionLost();
    reports.connectionLost();
  }

  @Override
  public void closed() {
    closed = true;
    gets.failAll(closedException());
    reports.failAll(closedException());
  }

  private static ClientClosedException closedException() {
    return new ClientClosedException("the device client was closed");
  }

  /**
   * Asks for the document after a connect, unless the last such request still waits (it was just
   * sent again): its answer hands a delta the device missed while offline to the listener.
   */
  private void syncOnConnect() {
    CompletableFuture<ShadowDocument> next;
    synchronized (this) {
      if (sync != null && !sync.isDone()) {
        return;
      }
      next = get();
      sync = next;
    }
    next.whenComplete(
        (document, error) -> {
          if (error != null) {
            LOG.log(
                Level.WARNING,
                "device {0} could not get its shadow after connecting: {1}",
                new Object[] {deviceId, error.getMessage()});
          }
        });
  }

  private void getAccepted(byte[] payload) {
    JsonNode answer = read(payload, "get/accepted");
    if (answer == null) {
      return;
    }
    ShadowDocument document;
    try {
      document = ShadowPayloads.document(answer);
    } catch (IllegalArgumentException e) {
      malformed("get/accepted", e);
      return;
    }
    gate.seen(document.version());
    if (!document.delta().isEmpty()) {
      deltas.offer(
          new ShadowDelta(document.delta().deepCopy(), document.version(), document.timestamp()));
    }
    gets.complete(ShadowPayloads.clientToken(answer), document);
  }

  private void getRejected(byte[] payload) {
    JsonNode answer = read(payload, "get/rejected");
    if (answer == null) {
      return;
    }
    ShadowRejectedException rejection = ShadowPayloads.rejection(answer);
    String token = ShadowPayloads.clientToken(answer);
    if (rejection.code() == NOT_FOUND) {
      // No shadow yet: for the device, an empty one it can report into.
      gets.complete(token, ShadowPayloads.emptyDocument());
    } else if (rejection.code() >= SERVER_ERROR) {
      gets.retryOrFail(token, rejection);
    } else {
      gets.fail(token, rejection);
    }
  }

  private void reportAccepted(byte[] payload) {
    JsonNode answer = read(payload, "update/accepted");
    if (answer == null) {
      return;
    }
    ReportAccepted accepted;
    try {
      accepted = ShadowPayloads.reportAccepted(answer);
    } catch (IllegalArgumentException e) {
      malformed("update/accepted", e);
      return;
    }
    gate.seen(accepted.version());
    reports.complete(ShadowPayloads.clientToken(answer), accepted);
  }

  private void reportRejected(byte[] payload) {
    JsonNode answer = read(payload, "update/rejected");
    if (answer == null) {
      return;
    }
    ShadowRejectedException rejection = ShadowPayloads.rejection(answer);
    String token = ShadowPayloads.clientToken(answer);
    if (rejection.code() >= SERVER_ERROR) {
      reports.retryOrFail(token, rejection);
    } else {
      // A conflict is not sent again blindly: the caller decides on the current document.
      reports.fail(token, rejection);
    }
  }

  private void delta(byte[] payload) {
    JsonNode answer = read(payload, "update/delta");
    if (answer == null) {
      return;
    }
    try {
      deltas.offer(ShadowPayloads.delta(answer));
    } catch (IllegalArgumentException e) {
      malformed("update/delta", e);
    }
  }

  private @Nullable JsonNode read(byte[] payload, String what) {
    try {
      return ShadowPayloads.read(payload);
    } catch (IllegalArgumentException e) {
      malformed(what, e);
      return null;
    }
  }

  private void malformed(String what, IllegalArgumentException e) {
    LOG.log(
        Level.WARNING,
        "device {0} ignores a malformed shadow {1}: {2}",
        new Object[] {deviceId, what, e.getMessage()});
  }

  @Override
  public String toString() {
    return "DeviceShadow[" + deviceId + (name == null ? "" : ", " + name) + "]";
  }
}
