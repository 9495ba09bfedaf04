package org.iotplatform.sdk;

import java.util.concurrent.CompletableFuture;
import org.iotplatform.sdk.shadow.DeviceShadow;

/**
 * A device's connection to the platform over MQTT 5: telemetry, status, commands, the device's
 * shadow, and the topics the OTA client builds on.
 *
 * <p>Publishes go through an ordered, bounded {@linkplain OfflineBuffer offline buffer}: a message
 * published while the device is offline is kept and sent after the next connect, in order, and
 * stays in the buffer until the platform acknowledged it. The client reconnects by itself with
 * {@linkplain Backoff exponential back-off and full jitter}, moving to the next broker endpoint
 * when one cannot be reached.
 *
 * <pre>{@code
 * try (DeviceClient device = DeviceClient.builder()
 *     .deviceId("thermostat-17")
 *     .endpoint("127.0.0.1", 11883)
 *     .token(System.getenv("DEVICE_TOKEN"))
 *     .build()) {
 *   device.connect().join();
 *   device.publish(TelemetryMessage.builder().metric("temperature", 21.5).build()).join();
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe; callbacks run on the client's callback executor.
 */
public interface DeviceClient extends AutoCloseable {

  /** A builder for a client. */
  static DeviceClientBuilder builder() {
    return new DeviceClientBuilder();
  }

  /** The device id (the MQTT client identifier). */
  String deviceId();

  /**
   * Starts connecting, and keeps the device connected until {@link #close()}. The future completes
   * at the first successful connection, once the broker acknowledged the client's subscriptions. It
   * fails with {@link InvalidConfigurationException}, and the client stops, only if the platform
   * still refuses the device's credentials 10 s after the first attempt (a configuration mistake; a
   * credential issued a moment ago may be refused briefly until the broker has learnt it); a broker
   * that cannot be reached is retried with back-off meanwhile. Calling it again returns the same
   * future.
   */
  CompletableFuture<Void> connect();

  /**
   * Publishes telemetry with the client's default QoS; see {@link #publish(TelemetryMessage, Qos)}.
   */
  CompletableFuture<PublishReceipt> publish(TelemetryMessage message);

  /**
   * Publishes telemetry on {@code devices/{id}/telemetry}. A message without a timestamp gets the
   * current time and one without a sequence number the client's next one, both taken now, so a
   * reading buffered offline keeps the time it was taken.
   *
   * <p>The future completes when the platform acknowledged the message ({@link Qos#AT_LEAST_ONCE})
   * or when it was written ({@link Qos#AT_MOST_ONCE}); it fails with {@link
   * PublishRefusedException}, {@link OfflineBufferFullException} or {@link ClientClosedException}.
   * It may be called before {@link #connect()}.
   */
  CompletableFuture<PublishReceipt> publish(TelemetryMessage message, Qos qos);

  /**
   * Publishes a payload on {@code devices/{id}/{subtopic}} through the offline buffer, in order
   * with everything else published. For the platform's other device topics (shadow, OTA progress);
   * telemetry and status have their own methods.
   */
  CompletableFuture<PublishReceipt> publish(String subtopic, byte[] payload, Qos qos);

  /**
   * Publishes a heartbeat on {@code devices/{id}/status} now, if connected; a heartbeat is not
   * buffered (a stale one says nothing). The client also sends one periodically if {@link
   * DeviceClientBuilder#heartbeat} was set.
   */
  CompletableFuture<PublishReceipt> reportStatus(Heartbeat heartbeat);

  /**
   * Receives messages on {@code devices/{id}/{subtopicFilter}} (MQTT wildcards allowed below the
   * device's prefix), from now on and after every reconnect.
   */
  void subscribe(String subtopicFilter, MessageHandler handler);

  /**
   * Handles commands called {@code name} sent to {@code devices/{id}/commands}; the result is
   * published on {@code devices/{id}/commands/response}. A command without a handler is answered
   * {@link CommandResult.Status#REJECTED}.
   */
  void onCommand(String name, CommandHandler handler);

  /**
   * The device's classic shadow. The first call subscribes to its answer topics; every call returns
   * the same client. See {@link DeviceShadow} for get on connect, versions and retries.
   */
  DeviceShadow shadow();

  /**
   * The device's named shadow {@code name} (1-64 letters, digits, {@code : _ -}), on {@code
   * devices/{id}/shadow/name/{name}/...}; as {@link #shadow()} otherwise.
   *
   * @throws IllegalArgumentException for an invalid name
   */
  DeviceShadow shadow(String name);

  /** Where the client is now. */
  ConnectionState state();

  /** Counters since the client was built. */
  ClientStats stats();

  /**
   * Disconnects normally (so the platform does not publish the last will) and releases the client.
   * Messages still in the offline buffer fail with {@link ClientClosedException}; an on-disk buffer
   * keeps them for the next start.
   */
  @Override
  void close();
}
