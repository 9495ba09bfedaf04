package org.iotplatform.shadow;

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
import org.awaitility.Awaitility;

/**
 * The service's own jar ({@code target/shadow-service-*-exec.jar}, built by the package phase
 * before the integration tests) running as a child process, so a fault test can kill it with
 * SIGKILL.
 */
final class ShadowServiceProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private ShadowServiceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ShadowServiceProcess start(int port, Path log, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar().toString());
    command.add("--server.port=" + port);
    command.addAll(args);
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      ShadowServiceProcess service = new ShadowServiceProcess(process, port);
      Awaitility.await("shadow-service ready on " + port)
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .until(service::isReady);
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process at once, as a crash would. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private boolean isReady() {
    if (!process.isAlive()) {
      throw new IllegalStateException("shadow-service exited with " + process.exitValue());
    }
    try {
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                  HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path jar() {
    try (var files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("shadow-service-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no shadow-service jar in target/"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    kill();
  }
}
