package org.iotplatform.systemtests.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time of one process (this JVM, the benchmark's broker JVM, or another process this JVM
 * started, such as the shadow service or Redis), sampled twice to give the cores it used in
 * between. Read from {@code /proc/PID/stat} through {@link ProcessHandle}, so no agent is needed.
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

  /** Any process, such as a service JVM this one started. */
  static ProcessCpu of(ProcessHandle process) {
    return new ProcessCpu(process);
  }

  /** The first descendant of this JVM whose command line contains {@code word}, if any. */
  static Optional<ProcessCpu> descendant(String word) {
    return ProcessHandle.current()
        .descendants()
        .filter(child -> commandLine(child).contains(word))
        .findFirst()
        .map(ProcessCpu::new);
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
    // Zero once the process ended: the figure is then meaningless, and the run says so elsewhere.
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
