package org.iotplatform.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.simulator.DeviceCredential;
import org.iotplatform.simulator.FleetSimulation;
import org.iotplatform.simulator.RunningSimulation;
import org.iotplatform.simulator.SimulationConfig;
import org.iotplatform.simulator.profile.ProfileKind;
import org.iotplatform.simulator.provision.CredentialKind;
import org.iotplatform.simulator.provision.CredentialStore;
import org.iotplatform.simulator.provision.ProvisioningException;
import org.iotplatform.simulator.provision.ProvisioningPlan;
import org.iotplatform.simulator.provision.RegistryProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small simulated fleet {@code ./iot up} runs so that the dashboard and Grafana show live data
 * from the first minute: thermostats, meters and trackers in turn ({@code demo-thermostat-00001},
 * ...), provisioned through the registry with the admin key once (their tokens are kept under
 * {@code var/simulator/}), publishing every 5 s with the simulator's spikes and rare outages. It
 * starts in the background: the stack is ready before the fleet is.
 */
final class DemoFleet implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoFleet.class);
  static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final Duration RAMP = Duration.ofSeconds(10);

  private final List<RunningSimulation> running = new ArrayList<>();
  private final Thread starter;
  private volatile boolean closed;

  private DemoFleet(int devices, URI registry, String adminKey, Path stateDir, int mqttPort) {
    starter =
        new Thread(
            () -> run(devices, registry, adminKey, stateDir, mqttPort), "iot-demo-fleet-start");
    starter.setDaemon(true);
  }

  /** Provisions and starts {@code devices} devices in the background. */
  static DemoFleet start(int devices, URI registry, String adminKey, Path stateDir, int mqttPort) {
    DemoFleet fleet = new DemoFleet(devices, registry, adminKey, stateDir, mqttPort);
    fleet.starter.start();
    return fleet;
  }

  /** The first device of each profile, as the README names them. */
  static String firstDeviceId(ProfileKind kind) {
    return prefix(kind) + "00001";
  }

  private void run(int devices, URI registry, String adminKey, Path stateDir, int mqttPort) {
    ProfileKind[] kinds = ProfileKind.values();
    RegistryProvisioner provisioner =
        new RegistryProvisioner(
            registry, adminKey, CredentialStore.forRegistry(stateDir, registry), 4);
    for (int k = 0; k < kinds.length; k++) {
      // Thermostats, meters and trackers in turn: the first kinds get the remainder.
      int count = devices / kinds.length + (k < devices % kinds.length ? 1 : 0);
      if (count == 0 || closed) {
        continue;
      }
      ProfileKind kind = kinds[k];
      try {
        List<DeviceCredential> credentials =
            provisioner.provision(
                new ProvisioningPlan(
                    FleetSimulation.deviceIds(prefix(kind), count),
                    "demo-" + kind.label(),
                    kind.units(),
                    CredentialKind.TOKEN,
                    false));
        SimulationConfig config =
            SimulationConfig.defaults(List.of(new Endpoint("127.0.0.1", mqttPort)))
                .withProfile(kind)
                .withInterval(INTERVAL)
                .withRamp(RAMP);
        synchronized (this) {
          if (closed) {
            return;
          }
          running.add(new FleetSimulation(config, credentials).start());
        }
        LOG.info(
            "demo fleet: {} {} devices publishing every {} s",
            count,
            kind.label(),
            INTERVAL.toSeconds());
      } catch (ProvisioningException e) {
        LOG.warn("demo fleet: cannot provision the {} devices: {}", kind.label(), e.getMessage());
      }
    }
  }

  private static String prefix(ProfileKind kind) {
    return "demo-" + kind.label().toLowerCase(Locale.ROOT) + "-";
  }

  @Override
  public void close() {
    List<RunningSimulation> toClose;
    synchronized (this) {
      closed = true;
      toClose = List.copyOf(running);
    }
    toClose.forEach(RunningSimulation::close);
  }
}
