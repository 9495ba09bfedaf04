package org.iotplatform.simulator.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secrets (the simulated devices' tokens and private keys; the dev stack's CA key and broker
 * stores use it too) so that nobody but the owner can read them, not even while they are being
 * written.
 */
public final class OwnerOnlyFiles {

  private OwnerOnlyFiles() {}

  /** Creates {@code dir} (mode 0700) and its parents (default mode) unless it exists. */
  public static Path directory(Path dir) {
    try {
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!Files.isDirectory(dir)) {
        try {
          Files.createDirectory(dir, permissions(dir, "rwx------"));
        } catch (FileAlreadyExistsException e) {
          // Another thread (devices are provisioned in parallel) made it between check and create.
          if (!Files.isDirectory(dir)) {
            throw e;
          }
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /**
   * Writes {@code content} whole under a temporary name (mode 0600 from its creation), then renames
   * it: a crash never leaves a truncated secret behind.
   */
  public static void write(Path file, byte[] content) {
    // One writer per file (one thread per device, one launcher): the temporary name is the file's
    // own.
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(temporary);
      Files.createFile(temporary, permissions(file, "rw-------"));
      Files.write(temporary, content);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static FileAttribute<?>[] permissions(Path path, String permissions) {
    if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
