package org.iotplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.iotplatform.servers.Poll;

/**
 * One Spring Boot service running from its executable jar in a child JVM, as it would in
 * production. Its output goes to a log file; {@link #close()} stops it (SIGTERM, then SIGKILL).
 */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final ServiceSpec spec;
  private final Process process;
  private final Path logFile;

  private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
    this.spec = spec;
    this.process = process;
    this.logFile = logFile;
  }

  /** Starts the service's JVM; returns at once, see {@link #awaitHealthy(Duration)}. */
  static ServiceProcess start(ServiceSpec spec, Path jar, List<String> jvmOptions, Path logDir) {
    try {
      Files.createDirectories(logDir);
      Path logFile = logDir.resolve(spec.name() + ".log");
      List<String> command = new ArrayList<>();
      command.add(javaExecutable());
      command.addAll(jvmOptions);
      command.add("-jar");
      command.add(jar.toString());
      command.add("--server.port=" + spec.port());
      command.add("--server.address=127.0.0.1");
      command.addAll(spec.arguments());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
              .start();
      return new ServiceProcess(spec, process, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + spec.name(), e);
    }
  }

  /**
   * Waits until {@code /actuator/health} answers 200.
   *
   * @param cancelled when it turns true, waiting stops (the stack is being stopped)
   * @throws IllegalStateException if the process exits, the timeout passes or waiting is cancelled
   *     first, with the end of its log
   */
  void awaitHealthy(Duration timeout, BooleanSupplier cancelled) {
    HttpRequest request =
        HttpRequest.newBuilder(healthUri()).timeout(Duration.ofSeconds(2)).GET().build();
    boolean healthy =
        Poll.until(
            timeout,
            () -> answersOk(request),
            () -> cancelled.getAsBoolean() || !process.isAlive());
    if (healthy) {
      return;
    }
    if (cancelled.getAsBoolean()) {
      throw new IllegalStateException("stopped while waiting for " + spec.name());
    }
    if (!process.isAlive()) {
      throw new IllegalStateException(
          spec.name() + " exited with code " + process.exitValue() + ":\n" + tailOfLog());
    }
    throw new IllegalStateException(
        spec.name() + " was not healthy within " + timeout + ":\n" + tailOfLog());
  }

  private boolean answersOk(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYetListening) {
      return false; // the JVM is still starting
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
    }
  }

  ServiceSpec spec() {
    return spec;
  }

  long pid() {
    return process.pid();
  }

  Path logFile() {
    return logFile;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + spec.port());
  }

  private URI healthUri() {
    return baseUri().resolve("/actuator/health");
  }

  private String tailOfLog() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
