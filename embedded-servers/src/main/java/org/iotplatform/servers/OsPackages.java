package org.iotplatform.servers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the server binaries that come from the operating system's packages. */
public final class OsPackages {

  /** What to run when a binary is missing. */
  public static final String INSTALL_HINT = "apt-get install redis-server influxdb";

  private static final List<Path> FALLBACK_DIRS =
      List.of(Path.of("/usr/bin"), Path.of("/usr/sbin"));

  private OsPackages() {}

  /** The {@code redis-server} binary of the Debian package {@code redis-server}. */
  public static Path redisServer() {
    return require("redis-server", "redis-server");
  }

  /** The {@code influxd} binary of the Debian package {@code influxdb} (InfluxDB 1.x). */
  public static Path influxd() {
    return require("influxd", "influxdb");
  }

  /** Looks for an executable on the PATH, then in /usr/bin and /usr/sbin. */
  public static Optional<Path> find(String binary) {
    List<Path> dirs = new ArrayList<>();
    String pathVariable = System.getenv("PATH");
    if (pathVariable != null) {
      for (String dir : pathVariable.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    dirs.addAll(FALLBACK_DIRS);
    return dirs.stream()
        .map(dir -> dir.resolve(binary))
        .filter(path -> Files.isRegularFile(path) && Files.isExecutable(path))
        .findFirst();
  }

  private static Path require(String binary, String debianPackage) {
    return find(binary)
        .orElseThrow(
            () ->
                new ServerStartException(
                    binary
                        + " not found on the PATH, in /usr/bin or /usr/sbin: it comes from the"
                        + " Debian package "
                        + debianPackage
                        + ". Install the servers with: "
                        + INSTALL_HINT));
  }
}
