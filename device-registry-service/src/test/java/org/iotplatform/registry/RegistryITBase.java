package org.iotplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotplatform.testsupport.KeepTables;
import org.iotplatform.testsupport.PostgresExtension;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The registry booted on a random port against the JVM's real PostgreSQL, which {@link
 * PostgresExtension} empties before each test but for the tenants that migration V1 seeds, and its
 * real Kafka (the outbox relay sends there). Integration tests extend it so that they share one
 * Spring context.
 */
@ExtendWith(PostgresExtension.class)
@KeepTables({"tenants"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
public abstract class RegistryITBase {

  /**
   * The platform CA's directory for this JVM's registry: generated there at the context's start,
   * never under the module's {@code var/}.
   */
  protected static final Path CA_DIRECTORY = temporaryDirectory("registry-ca-");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("iot.registry.ca.directory", CA_DIRECTORY::toString);
    registry.add("spring.datasource.url", TestServers::postgresJdbcUrl);
    registry.add("spring.datasource.username", () -> TestServers.postgres().user());
    registry.add("spring.datasource.password", () -> TestServers.postgres().password());
    registry.add("spring.kafka.bootstrap-servers", () -> TestServers.kafka().bootstrapServers());
    // Status changes show in the table soon after their event.
    registry.add("iot.registry.status.flush-interval", () -> "100ms");
  }

  private static Path temporaryDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that the answer is a problem detail with this status and error code. */
  protected static void assertProblem(
      RestTestClient.ResponseSpec response, int status, String errorCode) {
    response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errorCode")
        .value(code -> assertThat(code).isEqualTo(errorCode));
  }
}
