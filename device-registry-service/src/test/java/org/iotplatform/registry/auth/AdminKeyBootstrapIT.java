package org.iotplatform.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.iotplatform.registry.RegistryITBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The first admin key of a fresh installation, as {@code ./iot up} gets it. */
class AdminKeyBootstrapIT extends RegistryITBase {

  private final ApiKeyManagement keys;
  private final RestTestClient admin;
  private final Path file;
  private final AdminKeyBootstrap underTest;

  AdminKeyBootstrapIT(
      @Autowired ApiKeyManagement keys, @Autowired RestTestClient admin, @TempDir Path dir) {
    this.keys = keys;
    this.admin = admin;
    this.file = dir.resolve("registry/admin-api-key");
    this.underTest = new AdminKeyBootstrap(keys, new BootstrapProperties(file, "default"));
  }

  @Test
  void writesAWorkingAdminKeyReadableByItsOwnerOnly() throws Exception {
    underTest.ensureAdminKey();

    String key = Files.readString(file).strip();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String token = AuthApi.token(anonymousClient(), key);
    anonymousClient()
        .get()
        .uri("/api/v1/api-keys")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].createdBy")
        .isEqualTo(AdminKeyBootstrap.CREATED_BY)
        .jsonPath("$[0].role")
        .isEqualTo("admin");
  }

  @Test
  void keepsAWorkingKeyAtTheNextStart() throws Exception {
    underTest.ensureAdminKey();
    String first = Files.readString(file);

    underTest.ensureAdminKey();

    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(keys.list("default")).hasSize(1);
  }

  @Test
  void replacesAKeyThatNoLongerWorks() throws Exception {
    underTest.ensureAdminKey();
    String revoked = Files.readString(file).strip();
    String revokedId = ApiKeySecret.parse(revoked).orElseThrow().id();
    admin.delete().uri("/api/v1/api-keys/{id}", revokedId).exchange().expectStatus().isNoContent();

    underTest.ensureAdminKey();

    String replacement = Files.readString(file).strip();
    assertThat(replacement).isNotEqualTo(revoked);
    assertThat(AuthApi.token(anonymousClient(), replacement)).isNotBlank();
  }
}
