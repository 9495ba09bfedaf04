package org.iotplatform.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.sdk.Qos;
import org.iotplatform.simulator.profile.ProfileKind;
import org.iotplatform.simulator.profile.SignalSettings;
import org.jspecify.annotations.Nullable;

/**
 * How a fleet is simulated. Start from {@link #defaults(List)} and change what differs.
 *
 * @param brokers the MQTT endpoints; with several, the SDK picks one per device by its id
 * @param tlsCa PEM file of the CA that signs the brokers' certificates; present: TLS, absent: plain
 *     TCP (certificate credentials then trust the JVM's CAs)
 * @param profile what the devices are; default thermostat
 * @param interval how often each device publishes; default 10 s
 * @param qos the telemetry QoS; default at least once
 * @param ramp over how long the devices start, evenly spread; default 60 s
 * @param seed makes the signals repeatable; default 1
 * @param signals spike and outage rates; default {@link SignalSettings#DEFAULT}
 * @param offlineBuffer messages each device keeps while offline; default 1000
 * @param heartbeat how often each device sends its status; default 60 s
 * @param threads threads of the one scheduler all devices share (their ticks, timers and
 *     callbacks); default the number of processors, at least 2
 */
public record SimulationConfig(
    List<Endpoint> brokers,
    @Nullable Path tlsCa,
    ProfileKind profile,
    Duration interval,
    Qos qos,
    Duration ramp,
    long seed,
    SignalSettings signals,
    int offlineBuffer,
    Duration heartbeat,
    int threads) {

  public SimulationConfig {
    brokers = List.copyOf(brokers);
    if (brokers.isEmpty()) {
      throw new IllegalArgumentException("give at least one broker endpoint");
    }
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("the interval must be at least 1 ms, not " + interval);
    }
    if (ramp.isNegative()) {
      throw new IllegalArgumentException("the ramp must not be negative, not " + ramp);
    }
    if (offlineBuffer < 1) {
      throw new IllegalArgumentException(
          "the offline buffer holds at least 1 message, not " + offlineBuffer);
    }
    if (heartbeat.toSeconds() < 1) {
      throw new IllegalArgumentException("the heartbeat interval must be at least 1 s");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("at least one thread, not " + threads);
    }
  }

  /** The defaults described above, for these brokers. */
  public static SimulationConfig defaults(List<Endpoint> brokers) {
    return new SimulationConfig(
        brokers,
        null,
        ProfileKind.THERMOSTAT,
        Duration.ofSeconds(10),
        Qos.AT_LEAST_ONCE,
        Duration.ofSeconds(60),
        1,
        SignalSettings.DEFAULT,
        1_000,
        Duration.ofSeconds(60),
        Math.max(2, Runtime.getRuntime().availableProcessors()));
  }

  /** This configuration with TLS trusting {@code caPem}. */
  public SimulationConfig withTlsCa(@Nullable Path caPem) {
    return new SimulationConfig(
        brokers,
        caPem,
        profile,
        interval,
        qos,
        ramp,
        seed,
        signals,
        offlineBuffer,
        heartbeat,
        threads);
  }

  /** This configuration with another profile. */
  public SimulationConfig withProfile(ProfileKind kind) {
    return new SimulationConfig(
        brokers,
        tlsCa,
        kind,
        interval,
        qos,
        ramp,
        seed,
        signals,
        offlineBuffer,
        heartbeat,
        threads);
  }

  /** This configuration publishing every {@code every}. */
  public SimulationConfig withInterval(Duration every) {
    return new SimulationConfig(
        brokers,
        tlsCa,
        profile,
        every,
        qos,
        ramp,
        seed,
        signals,
        offlineBuffer,
        heartbeat,
        threads);
  }

  /** This configuration starting its devices over {@code over}. */
  public SimulationConfig withRamp(Duration over) {
    return new SimulationConfig(
        brokers,
        tlsCa,
        profile,
        interval,
        qos,
        over,
        seed,
        signals,
        offlineBuffer,
        heartbeat,
        threads);
  }

  /** This configuration with other spike and outage rates. */
  public SimulationConfig withSignals(SignalSettings settings) {
    return new SimulationConfig(
        brokers,
        tlsCa,
        profile,
        interval,
        qos,
        ramp,
        seed,
        settings,
        offlineBuffer,
        heartbeat,
        threads);
  }
}
