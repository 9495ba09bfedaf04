package org.iotplatform.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server running as a child process, its output appended to a log file. It is killed on {@link
 * #close()} and by a JVM shutdown hook, so that no server outlives the JVM that started it; both
 * then delete the server's directory if it is a temporary one.
 */
final class ChildProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private final String name;
  private final Process process;
  private final WorkDir workDir;
  private final Path logFile;
  private final Thread shutdownHook;

  private ChildProcess(String name, Process process, WorkDir workDir, Path logFile) {
    this.name = name;
    this.process = process;
    this.workDir = workDir;
    this.logFile = logFile;
    this.shutdownHook = new Thread(this::stopAndClean, name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts {@code command} in {@code workDir}, with stdout and stderr appended to the file {@code
   * logName} there. Environment variables starting with {@code clearedEnvPrefix} are removed, so
   * that the caller's environment cannot override the generated configuration.
   */
  static ChildProcess start(
      String name, List<String> command, WorkDir workDir, String logName, String clearedEnvPrefix) {
    Path logFile = workDir.path().resolve(logName);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.path().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    if (!clearedEnvPrefix.isEmpty()) {
      builder.environment().keySet().removeIf(key -> key.startsWith(clearedEnvPrefix));
    }
    try {
      return new ChildProcess(name, builder.start(), workDir, logFile);
    } catch (IOException e) {
      throw new ServerStartException(name + " cannot start " + command.get(0), e);
    }
  }

  /**
   * Waits until {@code ready} holds. Kills the process and throws a {@link ServerStartException}
   * with the last log lines when it exits first or does not get ready within {@code timeout}.
   */
  void awaitReady(Duration timeout, BooleanSupplier ready) {
    if (Poll.until(timeout, ready, () -> !process.isAlive())) {
      return;
    }
    boolean exited = !process.isAlive();
    stop();
    String what =
        exited
            ? name + " exited with code " + process.exitValue()
            : name + " did not answer within " + timeout.toSeconds() + " s";
    ServerStartException failure = ServerLog.failure(what, logFile, null);
    close();
    throw failure;
  }

  /**
   * Stops the process gracefully (SIGTERM), killing it when it does not exit in time, and deletes a
   * temporary directory.
   */
  @Override
  public void close() {
    stopAndClean();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down; the hook runs (or ran) stop(), which is idempotent.
    }
  }

  /**
   * Kills the process at once (SIGKILL), as a crash would: it flushes nothing. Deletes a temporary
   * directory.
   */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
  }

  private void stopAndClean() {
    stop();
    workDir.close();
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
