package org.iotplatform.systemtests.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A {@link BenchBroker} child JVM: its port, resident memory and live heap. */
final class BrokerProcess implements AutoCloseable {

  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final Process process;
  private final int port;

  private BrokerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a broker with the bridge forwarding to {@code kafka}, or without when it is null. */
  static BrokerProcess start(String label, @Nullable String kafka, Path logDir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    // The same heap limit and collector for both, so they differ only by the bridge.
    command.add("-Xms512m");
    command.add("-Xmx1g");
    String linger = System.getProperty("bench.linger.ms");
    if (linger != null) {
      command.add("-Dbench.linger.ms=" + linger);
    }
    if (Boolean.getBoolean("bench.jfr")) {
      // A profile of the broker per phase, for `jfr print` (what limits the figure).
      command.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + logDir.toAbsolutePath().resolve(label + ".jfr"));
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchBroker.class.getName());
    command.add(kafka == null ? "none" : kafka);
    Files.createDirectories(logDir);
    Process process =
        new ProcessBuilder(command)
            .redirectError(logDir.resolve(label + ".err.log").toFile())
            .start();
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Path log = logDir.resolve(label + ".log");
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                      new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
                  var out = Files.newBufferedWriter(log, UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  if (line.startsWith(BenchBroker.READY)) {
                    ready.complete(Integer.parseInt(line.substring(BenchBroker.READY.length())));
                  }
                  out.write(line);
                  out.newLine();
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              ready.completeExceptionally(new IllegalStateException(label + " broker exited"));
            },
            "bench-broker-" + label);
    reader.setDaemon(true);
    reader.start();
    return new BrokerProcess(process, ready.get(120, TimeUnit.SECONDS));
  }

  int port() {
    return port;
  }

  /** Resident memory of the broker's JVM ({@code Rss} of {@code /proc/PID/smaps_rollup}). */
  long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", process.pid() + "", "smaps_rollup"))) {
      if (line.startsWith("Rss:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new IllegalStateException("no Rss line for " + process.pid());
  }

  /** The heap in use after a full collection, through {@code jcmd}. */
  long liveHeapBytes() throws Exception {
    jcmd("GC.run");
    Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("jcmd GC.heap_info: no heap figure");
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private String jcmd(String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process run =
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(run.getInputStream().readAllBytes(), UTF_8);
    run.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
