package org.iotplatform.sdk.internal;

import java.util.concurrent.CompletableFuture;
import org.iotplatform.sdk.ClientStats;
import org.iotplatform.sdk.CommandHandler;
import org.iotplatform.sdk.ConnectionState;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.sdk.Heartbeat;
import org.iotplatform.sdk.MessageHandler;
import org.iotplatform.sdk.PublishReceipt;
import org.iotplatform.sdk.Qos;
import org.iotplatform.sdk.TelemetryMessage;

/** The device client on the HiveMQ MQTT client. */
public final class MqttDeviceClient implements DeviceClient {

  private final ClientConfig config;

  public MqttDeviceClient(ClientConfig config) {
    this.config = config;
  }

  @Override
  public String deviceId() {
    return config.deviceId();
  }

  @Override
  public CompletableFuture<Void> connect() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(TelemetryMessage message) {
    return publish(message, config.defaultQos());
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(TelemetryMessage message, Qos qos) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(String subtopic, byte[] payload, Qos qos) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public CompletableFuture<PublishReceipt> reportStatus(Heartbeat heartbeat) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void subscribe(String subtopicFilter, MessageHandler handler) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void onCommand(String name, CommandHandler handler) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public ConnectionState state() {
    return ConnectionState.NEW;
  }

  @Override
  public ClientStats stats() {
    return new ClientStats(0, 0, 0, 0, 0, 0);
  }

  @Override
  public void close() {}
}
