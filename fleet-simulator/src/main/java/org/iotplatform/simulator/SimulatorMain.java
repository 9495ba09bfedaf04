package org.iotplatform.simulator;

import java.io.PrintWriter;
import java.time.Duration;
import org.iotplatform.sdk.Endpoint;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The command line: {@code java -jar fleet-simulator.jar simulate --devices 1000 ...}. */
@Command(
    name = "fleet-simulator",
    mixinStandardHelpOptions = true,
    description = "Simulated device fleets for demos and load tests.",
    subcommands = {SimulateCommand.class, HelpCommand.class})
public final class SimulatorMain {

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine(null, null).execute(args));
  }

  /**
   * The command line, writing to {@code out} and {@code err} if given (tests), else to the console.
   */
  static CommandLine commandLine(@Nullable PrintWriter out, @Nullable PrintWriter err) {
    CommandLine commandLine =
        new CommandLine(new SimulatorMain())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .registerConverter(Duration.class, Durations::parse)
            .registerConverter(Endpoint.class, Endpoint::parse);
    if (out != null) {
      commandLine.setOut(out);
    }
    if (err != null) {
      commandLine.setErr(err);
    }
    return commandLine;
  }
}
