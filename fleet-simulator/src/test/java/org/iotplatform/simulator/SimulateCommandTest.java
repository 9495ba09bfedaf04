package org.iotplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.sdk.Qos;
import org.iotplatform.simulator.profile.ProfileKind;
import org.iotplatform.simulator.profile.SignalSettings;
import org.iotplatform.simulator.provision.CredentialKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final CommandLine underTest =
      SimulatorMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));

  @Test
  void readsTheIssuesExampleCommand() {
    SimulateCommand command =
        parse(
            "--devices",
            "10000",
            "--interval",
            "10s",
            "--profile",
            "meter",
            "--qos",
            "1",
            "--duration",
            "10m",
            "--ramp",
            "60s");

    SimulationConfig config = command.config();

    assertThat(command.devices).isEqualTo(10_000);
    assertThat(command.duration).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.profile()).isEqualTo(ProfileKind.METER);
    assertThat(config.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.ramp()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.qos()).isEqualTo(Qos.AT_LEAST_ONCE);
  }

  @Test
  void hasDefaultsForAFleetOfTheDevStack() {
    SimulateCommand command = parse();

    SimulationConfig config = command.config();

    assertThat(config.brokers()).containsExactly(new Endpoint("127.0.0.1", 11883));
    assertThat(config.tlsCa()).isNull();
    assertThat(config.signals()).isEqualTo(SignalSettings.DEFAULT);
    assertThat(config.offlineBuffer()).isEqualTo(1_000);
    assertThat(config.heartbeat()).isEqualTo(Duration.ofSeconds(60));
    assertThat(command.duration).as("until Ctrl-C").isZero();
    assertThat(command.credentials).isEqualTo(CredentialKind.TOKEN);
    assertThat(command.stateDir).isEqualTo(Path.of("var/simulator"));
    assertThat(command.registry).hasToString("http://127.0.0.1:18081");
    assertThat(command.deviceType()).isEqualTo("sim-thermostat");
    assertThat(command.devicePrefix).isEqualTo("sim-");
    assertThat(command.progress).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void takesSeveralBrokersTlsAndCertificates() {
    SimulateCommand command =
        parse(
            "--broker",
            "10.0.0.1:18883",
            "--broker",
            "10.0.0.2:18883",
            "--tls-ca",
            "ca.pem",
            "--credentials",
            "certificate",
            "--offline-buffer",
            "50",
            "--seed",
            "9");

    SimulationConfig config = command.config();

    assertThat(config.brokers())
        .containsExactly(new Endpoint("10.0.0.1", 18883), new Endpoint("10.0.0.2", 18883));
    assertThat(config.tlsCa()).isEqualTo(Path.of("ca.pem"));
    assertThat(config.offlineBuffer()).isEqualTo(50);
    assertThat(config.seed()).isEqualTo(9);
    assertThat(command.credentials).isEqualTo(CredentialKind.CERTIFICATE);
  }

  @Test
  void readsTheApiKeyFromItsFile(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("key");
    java.nio.file.Files.writeString(keyFile, "iotk_abc_def\n");

    assertThat(parse("--api-key-file", keyFile.toString()).apiKey()).isEqualTo("iotk_abc_def");
    assertThat(parse("--api-key", "iotk_x_y").apiKey()).isEqualTo("iotk_x_y");
  }

  @Test
  void explainsABadOptionValueAndShowsTheUsage() {
    int exit = underTest.execute("simulate", "--interval", "soon");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("--interval")
        .contains("'soon' is not a duration")
        .contains("Usage: fleet-simulator simulate");
  }

  @Test
  void explainsAnUnknownOptionAndSuggestsTheNearestOnes() {
    int exit = underTest.execute("simulate", "--devcies", "10");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown options: '--devcies'")
        .contains("Possible solutions: --devices");
  }

  @Test
  void refusesAFleetWithoutDevicesBeforeConnectingAnything() {
    int exit = underTest.execute("simulate", "--devices", "0", "--no-provision");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--devices must be at least 1");
  }

  @Test
  void failsWithoutCachedCredentialsWhenToldNotToProvision(@TempDir Path dir) {
    int exit =
        underTest.execute(
            "simulate", "--devices", "2", "--no-provision", "--state-dir", dir.toString());

    assertThat(exit).isEqualTo(SimulateCommand.EXIT_FAILED);
    assertThat(err.toString())
        .contains("provisioning failed")
        .contains("2 devices (e.g. sim-00001) have no cached token");
  }

  @Test
  void listsItsOptionsInTheHelp() {
    int exit = underTest.execute("simulate", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("--devices", "--interval", "--profile", "--qos", "--duration", "--ramp")
        .contains("--broker", "--tls-ca", "--credentials", "--registry", "--api-key-file")
        .contains("--device-prefix", "--state-dir", "--summary-json", "--no-provision")
        .contains("--offline-buffer", "--reprovision");
  }

  private SimulateCommand parse(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "simulate";
    System.arraycopy(options, 0, args, 1, options.length);
    return (SimulateCommand) underTest.parseArgs(args).subcommand().commandSpec().userObject();
  }
}
