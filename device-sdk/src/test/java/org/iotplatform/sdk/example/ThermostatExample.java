package org.iotplatform.sdk.example;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.iotplatform.sdk.CommandResult;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.sdk.Heartbeat;
import org.iotplatform.sdk.TelemetryMessage;

/**
 * An example device: a thermostat that reports its temperature every few seconds, sends a heartbeat
 * every minute and takes a {@code setpoint} command.
 *
 * <pre>
 * java ... org.iotplatform.sdk.example.ThermostatExample 127.0.0.1 11883 thermostat-1 $TOKEN
 * </pre>
 */
public final class ThermostatExample {

  private final DeviceClient device;
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
