package org.iotplatform.systemtests.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time of one process (this JVM, or the benchmark's broker JVM, a child of this one), sampled
 * twice to give the cores it used in between. Read from {@code /proc/PID/stat} through {@link
 * ProcessHandle}, so the broker needs no agent.
 */
final class ProcessCpu {

  private final ProcessHandle process;
  private long cpuNanos;
  private long wallNanos;

  private ProcessCpu(ProcessHandle process) {
    this.process = process;
    mark();
  }

  /** This JVM: the simulator and the test harness. */
  static ProcessCpu self() {
    return new ProcessCpu(ProcessHandle.current());
  }

  /** The {@link BenchBroker} child JVM of this one. */
  static ProcessCpu broker() {
    return new ProcessCpu(
        ProcessHandle.current()
            .children()
            .filter(child -> commandLine(child).contains(BenchBroker.class.getName()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no BenchBroker child process")));
  }

  // ProcessHandle.Info has no arguments for a command line as long as this module's class path.
  private static String commandLine(ProcessHandle process) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), UTF_8);
    } catch (IOException e) {
      return ""; // ended meanwhile
    }
  }

  /** Starts a new measurement. */
  void mark() {
    cpuNanos = cpuTime().toNanos();
    wallNanos = System.nanoTime();
  }

  /** Cores used since {@link #mark()}: 1.0 is one core busy all the time. */
  double coresSinceMark() {
    double wall = Math.max(1, System.nanoTime() - wallNanos);
    return (cpuTime().toNanos() - cpuNanos) / wall;
  }

  private Duration cpuTime() {
    Optional<Duration> total = process.info().totalCpuDuration();
    return total.orElseThrow(() -> new IllegalStateException("no CPU time for " + process.pid()));
  }
}
