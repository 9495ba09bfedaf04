package org.iotplatform.systemtests.bench;

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
import org.jspecify.annotations.Nullable;

/**
 * The shadow service's runnable jar in a JVM of its own, as it is deployed, so that its CPU is
 * measured apart and a JFR profile covers it alone. The jar is the one the reactor built ({@code
 * ../shadow-service/target/shadow-service-*-exec.jar}), or {@code -Dshadow.jar=PATH}.
 */
final class ShadowServiceJvm implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final int port;

  private ShadowServiceJvm(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the service on {@code port} with {@code args} ({@code --key=value}) and waits until it
   * is ready. With {@code jfr} set, it records a profile there, written when it stops.
   */
  static ShadowServiceJvm start(int port, List<String> args, Path log, @Nullable Path jfr) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms512m");
    command.add("-Xmx512m");
    if (jfr != null) {
      command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr.toAbsolutePath());
    }
    command.add("-jar");
    command.add(jar().toString());
    command.add("--server.port=" + port);
    command.addAll(args);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      ShadowServiceJvm service = new ShadowServiceJvm(process, port);
      await("shadow-service ready on " + port)
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .until(service::isReady);
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  private boolean isReady() {
    if (!process.isAlive()) {
      throw new IllegalStateException("shadow-service exited with " + process.exitValue());
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

  private static Path jar() {
    String configured = System.getProperty("shadow.jar");
    if (configured != null) {
      return Path.of(configured);
    }
    Path target = Path.of("..", "shadow-service", "target");
    try (var files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches("shadow-service-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no shadow-service jar in " + target));
    } catch (IOException e) {
      throw new UncheckedIOException("no " + target + ": build shadow-service first", e);
    }
  }

  /** Stops it as an operator would (SIGTERM), so a JFR recording is written; then forcibly. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
