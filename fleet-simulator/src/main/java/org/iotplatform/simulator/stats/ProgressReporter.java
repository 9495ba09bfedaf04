package org.iotplatform.simulator.stats;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints a simulation's progress every period: on a terminal one line that rewrites itself, else (a
 * pipe, a log file) one line per tick.
 */
public final class ProgressReporter implements AutoCloseable {

  private final SimulationStats stats;
  private final PrintWriter out;
  private final boolean terminal;
  private final ScheduledExecutorService timer;

  /**
   * @param terminal whether {@code out} is a terminal ({@code System.console() != null})
   */
  public ProgressReporter(SimulationStats stats, PrintWriter out, boolean terminal) {
    this.stats = stats;
    this.out = out;
    this.terminal = terminal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "simulator-progress");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts printing every {@code period}. */
  public void start(Duration period) {
    long millis = Math.max(100, period.toMillis());
    timer.scheduleAtFixedRate(this::print, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void print() {
    String line = stats.progressLine();
    if (terminal) {
      // \r and clearing to the end of the line: the line rewrites itself in place.
      out.print("\r" + line + "\u001b[K");
      out.flush();
    } else {
      out.println(line);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (terminal) {
      out.println();
    }
  }
}
