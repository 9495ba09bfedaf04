package org.iotplatform.registry.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.iotplatform.web.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes sure {@code iot.registry.bootstrap.admin-key-file}, when set, holds a working admin key, so
 * that a fresh installation (and {@code ./iot up}) has a way in. The file is readable by its owner
 * only; the key's text is never logged.
 *
 * <p>It runs once every bean exists but before the web server accepts requests, so that whoever
 * waits for the registry's health (the dev stack) finds the file written; a file that cannot be
 * written fails the start.
 */
@Component
class AdminKeyBootstrap implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);
  static final String CREATED_BY = "bootstrap";

  private final ApiKeyManagement keys;
  private final BootstrapProperties bootstrap;

  AdminKeyBootstrap(ApiKeyManagement keys, BootstrapProperties bootstrap) {
    this.keys = keys;
    this.bootstrap = bootstrap;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ensureAdminKey();
  }

  void ensureAdminKey() {
    Path file = bootstrap.adminKeyFile();
    if (file == null) {
      return;
    }
    try {
      if (Files.isRegularFile(file)
          && keys.works(Files.readString(file).strip(), bootstrap.tenant(), Role.ADMIN)) {
        log.info("Admin API key of tenant {} kept in {}", bootstrap.tenant(), file);
        return;
      }
      CreatedApiKeyResponse created =
          keys.create(
              bootstrap.tenant(),
              new CreateApiKeyRequest("bootstrap admin", Role.ADMIN.claimValue()),
              CREATED_BY);
      write(file, created.key());
      log.info(
          "Created admin API key {} of tenant {}; its text is in {}",
          created.id(),
          bootstrap.tenant(),
          file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the admin API key to " + file, e);
    }
  }

  private static void write(Path file, String key) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path temp =
        posix
            ? Files.createTempFile(
                dir,
                file.getFileName().toString(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    Files.writeString(temp, key + "\n", StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
