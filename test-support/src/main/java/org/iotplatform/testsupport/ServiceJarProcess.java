package org.iotplatform.testsupport;

import static org.awaitility.Awaitility.await;

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

/**
 * A Spring Boot service's runnable jar ({@code <artifact>-*-exec.jar}, built by the package phase)
 * in a JVM of its own, as it is deployed: for fault tests that kill it with SIGKILL and benchmarks
 * that measure it apart. Ready once {@code /actuator/health/readiness} answers 200.
 */
public final class ServiceJarProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final int port;

  private ServiceJarProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The runnable jar of {@code artifactId} in the build directory {@code target}. */
  public static Path jar(Path target, String artifactId) {
    try (var files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches(artifactId + "-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no " + artifactId + " jar in " + target));
    } catch (IOException e) {
      throw new UncheckedIOException("no " + target + ": build " + artifactId + " first", e);
    }
  }

  /**
   * Starts {@code jar} on {@code port} with {@code jvmOptions} and {@code args} ({@code
   * --key=value}), its output appended to {@code log}, and waits until it is ready.
   */
  public static ServiceJarProcess start(
      Path jar, int port, List<String> jvmOptions, List<String> args, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.addAll(args);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      ServiceJarProcess service = new ServiceJarProcess(process, port);
      await(jar.getFileName() + " ready on " + port)
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .until(service::isReady);
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:port} and {@code path}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** Kills the process at once (SIGKILL), as a crash would. */
  public void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** Stops it as an operator would (SIGTERM), so shutdown hooks and a JFR recording run. */
  @Override
  public void close() {
    process.destroy();
    if (!awaitExit()) {
      kill();
    }
  }

  private boolean awaitExit() {
    try {
      return process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean isReady() {
    if (!process.isAlive()) {
      throw new IllegalStateException("the service exited with " + process.exitValue());
    }
    try {
      HttpResponse<Void> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                  HttpResponse.BodyHandlers.discarding());
      return health.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
