package org.iotplatform.sdk.example;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.iotplatform.sdk.CommandResult;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.sdk.Heartbeat;
import org.iotplatform.sdk.TelemetryMessage;
import org.iotplatform.sdk.shadow.DeviceShadow;
import org.iotplatform.sdk.shadow.ShadowDelta;
import tools.jackson.databind.JsonNode;

/**
 * An example device: a thermostat that reports its temperature every few seconds, sends a heartbeat
 * every minute, takes a {@code setpoint} command, and follows the {@code targetTemperature} an
 * operator sets in its shadow's desired state, reporting it back once applied.
 *
 * <pre>
 * java ... org.iotplatform.sdk.example.ThermostatExample 127.0.0.1 11883 thermostat-1 $TOKEN
 * </pre>
 */
public final class ThermostatExample {

  private static final Logger LOG = Logger.getLogger(ThermostatExample.class.getName());

  private final DeviceClient device;
  private final DeviceShadow shadow;
  private final AtomicReference<Double> setpoint = new AtomicReference<>(21.0);
  private double temperature = 19.0;

  ThermostatExample(String host, int port, String deviceId, String token) {
    device =
        DeviceClient.builder()
            .deviceId(deviceId)
            .endpoint(host, port)
            .token(token)
            .heartbeat(Duration.ofMinutes(1), () -> new Heartbeat(100, -60, "1.0.0"))
            .build();
    device.onCommand(
        "setpoint",
        command -> {
          if (!(command.params().get("value") instanceof Number value)) {
            return CommandResult.rejected("setpoint needs a numeric 'value'");
          }
          setpoint.set(value.doubleValue());
          return CommandResult.succeeded();
        });
    // Set before connecting: the delta fetched right after the connect comes to it.
    shadow = device.shadow();
    shadow.onDelta(this::applyDesired);
  }

  /** Takes a desired target temperature from the shadow's delta and reports it applied. */
  private void applyDesired(ShadowDelta delta) {
    JsonNode target = delta.state().get("targetTemperature");
    if (target == null || !target.isNumber()) {
      return; // nothing this thermostat can apply
    }
    setpoint.set(target.doubleValue());
    // Not joined: this runs on the client's callback thread.
    shadow
        .report(Map.of("targetTemperature", target.doubleValue()))
        .exceptionally(
            e -> {
              // Still in the delta: the get after the next connect hands it over again.
              LOG.log(Level.WARNING, "could not report the target temperature: {0}", e.toString());
              return null;
            });
  }

  DeviceClient device() {
    return device;
  }

  /** Takes one reading: the room warms or cools towards the setpoint. */
  void report() {
    temperature += (setpoint.get() - temperature) * 0.2;
    device.publish(
        TelemetryMessage.builder()
            .metric("temperature", Math.round(temperature * 10) / 10.0)
            .metric("setpoint", setpoint.get())
            .metric("heating", temperature < setpoint.get())
            .build());
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 4) {
      System.err.println("usage: ThermostatExample <host> <port> <device id> <token>");
      System.exit(2);
    }
    ThermostatExample thermostat =
        new ThermostatExample(args[0], Integer.parseInt(args[1]), args[2], args[3]);
    ScheduledExecutorService readings = Executors.newSingleThreadScheduledExecutor();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  readings.shutdownNow();
                  thermostat.device().close();
                }));
    // Readings taken while the broker is away are buffered and sent after the reconnect.
    thermostat.device().connect();
    readings.scheduleAtFixedRate(thermostat::report, 0, 5, TimeUnit.SECONDS);
    Thread.currentThread().join();
  }
}
