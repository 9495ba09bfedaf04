package org.iotplatform.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

  @TempDir Path dir;

  @Test
  void createsAKeyReadableByItsOwnerOnlyAtFirstStart() throws Exception {
    Path keyDir = dir.resolve("var/registry/jwt");

    SigningKey.loadOrCreate(keyDir);

    Path file = keyDir.resolve(SigningKey.FILE_NAME);
    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyDir)))
        .isEqualTo("rwx------");
  }

  @Test
  void readsTheSameKeyAgainAtTheNextStart() {
    SigningKey first = SigningKey.loadOrCreate(dir);

    SigningKey underTest = SigningKey.loadOrCreate(dir);

    assertThat(underTest.keyId()).isEqualTo(first.keyId());
    assertThat(underTest.publicKey()).isEqualTo(first.publicKey());
  }

  @Test
  void publishesOnlyThePublicHalf() {
    SigningKey underTest = SigningKey.loadOrCreate(dir);

    Map<String, Object> jwks = underTest.publicJwkSet();

    @SuppressWarnings("unchecked")
    Map<String, Object> key = ((List<Map<String, Object>>) jwks.get("keys")).get(0);
    assertThat(key)
        .containsEntry("kty", "RSA")
        .containsEntry("alg", "RS256")
        .containsEntry("use", "sig")
        .containsEntry("kid", underTest.keyId())
        .containsKeys("n", "e")
        .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
  }
}
