package org.iotplatform.systemtests.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time of a process this JVM started, directly or not (the shadow service's JVM, Redis),
 * sampled twice to give the cores it used in between. {@link ProcessCpu} does the same for this JVM
 * and the broker; this one finds its process by a word of its command line.
 */
final class ChildCpu {

  private final ProcessHandle process;
  private long cpuNanos;
  private long wallNanos;

  private ChildCpu(ProcessHandle process) {
    this.process = process;
    mark();
  }

  /** The process itself. */
  static ChildCpu of(ProcessHandle process) {
    return new ChildCpu(process);
  }

  /** The first descendant of this JVM whose command line contains {@code word}, if any. */
  static Optional<ChildCpu> descendant(String word) {
    return ProcessHandle.current()
        .descendants()
        .filter(child -> commandLine(child).contains(word))
        .findFirst()
        .map(ChildCpu::new);
  }

  /** Starts a new measurement. */
  void mark() {
    cpuNanos = cpuTime();
    wallNanos = System.nanoTime();
  }

  /** Cores used since {@link #mark()}: 1.0 is one core busy all the time. */
  double coresSinceMark() {
    double wall = Math.max(1, System.nanoTime() - wallNanos);
    return (cpuTime() - cpuNanos) / wall;
  }

  private long cpuTime() {
    // Zero once the process ended: the figure is then meaningless, and the run says so elsewhere.
    return process.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
  }

  // ProcessHandle.Info has no arguments for long command lines; /proc has them all.
  private static String commandLine(ProcessHandle process) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), UTF_8);
    } catch (IOException e) {
      return ""; // ended meanwhile
    }
  }
}
