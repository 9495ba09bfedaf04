package org.iotplatform.sdk.shadow;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A device's shadow as the device sees it (AWS IoT Device Shadow's protocol below {@code
 * devices/{id}/shadow/}): the desired state the platform wants, the state the device reported, and
 * the delta between them.
 *
 * <pre>{@code
 * DeviceShadow shadow = device.shadow();
 * shadow.onDelta(delta -> {
 *   JsonNode target = delta.state().get("targetTemperature");
 *   if (target != null && target.isNumber()) {
 *     heater.setTarget(target.doubleValue());
 *     shadow.report(Map.of("targetTemperature", target.doubleValue()));
 *   }
 * });
 * device.connect();
 * }</pre>
 *
 * <p><b>Get on connect.</b> After every connect (the first and each reconnect), once the answer
 * topics are subscribed, the client asks for the document and hands its delta, if any, to the delta
 * listener: a device that was offline when the platform pushed a delta still catches up.
 *
 * <p><b>Versions.</b> The client remembers the highest shadow version it has seen in any answer or
 * delta. A delta (pushed, or in a fetched document) with a lower version is stale and never reaches
 * the listener (a get answer and a pushed delta may cross on the way); a version already handed to
 * the listener is not handed over again.
 *
 * <p><b>Requests.</b> Every request carries a client token that matches its answer. The request is
 * published through the client's offline buffer (so one made offline waits for the connection);
 * from its acknowledgement on, it waits {@link ShadowRetry#timeout()} for the answer and is sent
 * again, with the same token, when the time is up or the connection is lost, at most {@link
 * ShadowRetry#attempts()} times in all; then it fails with {@link ShadowTimeoutException}. A
 * refusal fails it with {@link ShadowRejectedException} at once (only a refusal of the platform's
 * own making, code 500 and above, is tried again).
 *
 * <p>Thread-safe. The listener and the futures' completions run on the client's callback executor;
 * do not block there (chain on the futures instead of joining them).
 */
public interface DeviceShadow {

  /** The named shadow's name, or null for the device's classic shadow. */
  @Nullable String name();

  /**
   * Asks for the whole document. A device without a shadow yet gets an empty document of version 0.
   * A delta in the answer also goes to the delta listener (see the versions above).
   */
  CompletableFuture<ShadowDocument> get();

  /**
   * Reports the device's state: merged into {@code state.reported} ({@code null} values delete
   * keys). Sent without a version, so it never conflicts. Sent again (its answer was lost), it
   * carries the values reported last for its keys, so it cannot undo a newer report.
   */
  CompletableFuture<ReportAccepted> report(ObjectNode reported);

  /** Reports the device's state from a map of JSON-able values; see {@link #report(ObjectNode)}. */
  CompletableFuture<ReportAccepted> report(Map<String, ?> reported);

  /**
   * Reports the device's state only if the stored shadow still has version {@code version};
   * otherwise it fails with a {@link ShadowRejectedException} of code 409 ({@code
   * shadow.version-conflict}), which is not retried: get the document again and decide.
   */
  CompletableFuture<ReportAccepted> reportWithVersion(ObjectNode reported, long version);

  /**
   * Sets the listener for deltas, replacing an earlier one. A delta that arrived before any
   * listener was set (the newest one) is handed to it at once. Deltas reach the listener one at a
   * time, in version order.
   */
  void onDelta(DeltaListener listener);

  /** The highest shadow version seen so far, 0 before the first answer. */
  long version();
}
