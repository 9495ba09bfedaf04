package org.iotplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.simulator.provision.CredentialStore;
import org.iotplatform.simulator.stats.Summary;
import org.iotplatform.testsupport.HiveMqExtension;
import org.iotplatform.testsupport.TestDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code simulate} command run to its end against an embedded HiveMQ. */
@ExtendWith(HiveMqExtension.class)
class SimulateCommandIT {

  @TempDir Path stateDir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void runsForItsDurationWithCachedCredentialsAndPrintsTheSummary(HiveMqServer broker)
      throws Exception {
    String prefix = TestDevices.createOne() + "-";
    CredentialStore store =
        CredentialStore.forRegistry(stateDir, URI.create("http://127.0.0.1:18081"));
    for (String id : FleetSimulation.deviceIds(prefix, 5)) {
      store.saveToken(id, "any-token");
    }
    Path json = stateDir.resolve("summary.json");

    int exit =
        run(
            "--devices",
            "5",
            "--device-prefix",
            prefix,
            "--no-provision",
            "--state-dir",
            stateDir.toString(),
            "--broker",
            FreePorts.LOOPBACK + ":" + broker.mqttPort(),
            "--interval",
            "200ms",
            "--ramp",
            "500ms",
            "--duration",
            "5s",
            "--progress",
            "1s",
            "--summary-json",
            json.toString());

    assertThat(exit).as(err.toString()).isZero();
    String summaryLine =
        out.toString()
            .lines()
            .filter(line -> line.startsWith(Summary.PREFIX))
            .findFirst()
            .orElseThrow();
    assertThat(summaryLine).startsWith("SIMULATOR SUMMARY devices=5 connected=");
    assertThat(out.toString()).contains("connected=").contains("msg/s");
    JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(json));
    assertThat(summary.get("devices").asInt()).isEqualTo(5);
    assertThat(summaryLine).contains("acked=" + summary.get("acked").asLong() + " ");
  }

  @Test
  void failsWhenNoDeviceCouldConnect() {
    String prefix = TestDevices.createOne() + "-";
    CredentialStore.forRegistry(stateDir, URI.create("http://127.0.0.1:18081"))
        .saveToken(prefix + "00001", "any-token");

    int exit =
        run(
            "--devices",
            "1",
            "--device-prefix",
            prefix,
            "--no-provision",
            "--state-dir",
            stateDir.toString(),
            "--broker",
            FreePorts.LOOPBACK + ":" + FreePorts.pick(),
            "--ramp",
            "0s",
            "--duration",
            "2s");

    assertThat(exit).isEqualTo(SimulateCommand.EXIT_NONE_CONNECTED);
    assertThat(err.toString()).contains("no device could connect: ").contains("refused");
    assertThat(out.toString()).contains("SIMULATOR SUMMARY devices=1 connected=0");
  }

  private int run(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "simulate";
    System.arraycopy(options, 0, args, 1, options.length);
    return SimulatorMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }
}
