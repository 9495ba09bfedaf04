package org.iotplatform.simulator.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.iotplatform.simulator.DeviceCredential;

/**
 * The credentials of simulated devices, kept in owner-only files so that the next run reuses them:
 * {@code <id>.token}, or {@code <id>.crt.pem} and {@code <id>.key.pem}. One directory per registry,
 * since a credential is worth nothing at another one.
 */
public final class CredentialStore {

  private final Path directory;

  /**
   * @param directory where the files are; created (mode 0700) at the first write
   */
  public CredentialStore(Path directory) {
    this.directory = directory;
  }

  /** The store for {@code registry} under {@code stateDir}: {@code <stateDir>/<host>_<port>}. */
  public static CredentialStore forRegistry(Path stateDir, URI registry) {
    int port = registry.getPort() != -1 ? registry.getPort() : defaultPort(registry);
    String host = String.valueOf(registry.getHost()).replaceAll("[^A-Za-z0-9.-]", "_");
    return new CredentialStore(stateDir.resolve(host + "_" + port));
  }

  /** The directory of the files. */
  public Path directory() {
    return directory;
  }

  /** The cached credential of this kind for the device, if there is one. */
  public Optional<DeviceCredential> load(String deviceId, CredentialKind kind) {
    try {
      if (kind == CredentialKind.TOKEN) {
        Path token = tokenFile(deviceId);
        return Files.isRegularFile(token)
            ? Optional.of(
                new DeviceCredential.Token(
                    deviceId, Files.readString(token, StandardCharsets.UTF_8).strip()))
            : Optional.empty();
      }
      Path certificate = certificateFile(deviceId);
      Path key = keyFile(deviceId);
      return Files.isRegularFile(certificate) && Files.isRegularFile(key)
          ? Optional.of(new DeviceCredential.Certificate(deviceId, certificate, key))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the credential of " + deviceId, e);
    }
  }

  /** Keeps a token and returns it as a credential. */
  public DeviceCredential saveToken(String deviceId, String token) {
    OwnerOnlyFiles.directory(directory);
    OwnerOnlyFiles.write(tokenFile(deviceId), token.getBytes(StandardCharsets.UTF_8));
    return new DeviceCredential.Token(deviceId, token);
  }

  /**
   * Keeps a certificate (PEM, with its CA chain after it) and its private key (PKCS#8 PEM); the key
   * is written first, so that a certificate file never exists without its key.
   */
  public DeviceCredential saveCertificate(String deviceId, String certificatePem, String keyPem) {
    OwnerOnlyFiles.directory(directory);
    OwnerOnlyFiles.write(keyFile(deviceId), keyPem.getBytes(StandardCharsets.US_ASCII));
    OwnerOnlyFiles.write(
        certificateFile(deviceId), certificatePem.getBytes(StandardCharsets.US_ASCII));
    return new DeviceCredential.Certificate(deviceId, certificateFile(deviceId), keyFile(deviceId));
  }

  private Path tokenFile(String deviceId) {
    return directory.resolve(deviceId + ".token");
  }

  private Path certificateFile(String deviceId) {
    return directory.resolve(deviceId + ".crt.pem");
  }

  private Path keyFile(String deviceId) {
    return directory.resolve(deviceId + ".key.pem");
  }

  private static int defaultPort(URI registry) {
    return "https".equalsIgnoreCase(registry.getScheme()) ? 443 : 80;
  }
}
