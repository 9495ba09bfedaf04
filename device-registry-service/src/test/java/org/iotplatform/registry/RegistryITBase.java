package org.iotplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

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

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestServers::postgresJdbcUrl);
    registry.add("spring.datasource.username", () -> TestServers.postgres().user());
    registry.add("spring.datasource.password", () -> TestServers.postgres().password());
    registry.add("spring.kafka.bootstrap-servers", () -> TestServers.kafka().bootstrapServers());
    // Status changes show in the table soon after their event.
    registry.add("iot.registry.status.flush-interval", () -> "100ms");
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
