package org.iotplatform.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns a child process's log file into a start failure that shows its last lines. */
final class ServerLog {

  private static final int TAIL_LINES = 20;
  private static final Pattern PORT_IN_USE =
      Pattern.compile("(?i)address already in use|could not bind|bind: address");

  private ServerLog() {}

  /** A failure whose message ends with the log's last lines; a port conflict if they say so. */
  static ServerStartException failure(String what, Path logFile, @Nullable Throwable cause) {
    String tail = tail(logFile);
    String message = what + "; last lines of " + logFile + ":\n" + tail;
    return PORT_IN_USE.matcher(tail).find()
        ? ServerStartException.portConflict(message, cause)
        : new ServerStartException(message, cause);
  }

  static String tail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(log not readable: " + e + ")";
    }
  }
}
