package org.iotplatform.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A server's directory: the one the caller gave, kept so that a restart finds the data, or a
 * temporary one deleted on close.
 */
final class WorkDir implements AutoCloseable {

  private final Path path;
  private final boolean temporary;

  private WorkDir(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  static WorkDir of(@Nullable Path given, String server) {
    try {
      if (given != null) {
        return new WorkDir(Files.createDirectories(given).toAbsolutePath(), false);
      }
      return new WorkDir(Files.createTempDirectory("iot-" + server + "-"), true);
    } catch (IOException e) {
      throw new ServerStartException(server + " cannot create its data directory " + given, e);
    }
  }

  Path path() {
    return path;
  }

  /** Creates (if needed) and returns a subdirectory. */
  Path subdir(String name) {
    try {
      return Files.createDirectories(path.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isTemporary() {
    return temporary;
  }

  /** Deletes a temporary directory, as far as it can: a file still being written may remain. */
  @Override
  public void close() {
    if (temporary) {
      deleteRecursively(path);
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(WorkDir::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a server may still be writing while the JVM exits.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Best effort, see deleteRecursively.
    }
  }
}
