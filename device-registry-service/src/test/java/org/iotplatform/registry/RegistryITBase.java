package org.iotplatform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.iotplatform.contracts.Tenants;
import org.iotplatform.registry.auth.TokenIssuer;
import org.iotplatform.testsupport.KeepTables;
import org.iotplatform.testsupport.PostgresExtension;
import org.iotplatform.testsupport.TestServers;
import org.iotplatform.web.security.Role;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The registry booted on a random port against the JVM's real PostgreSQL, which {@link
 * PostgresExtension} empties before each test but for the tenants that migration V1 seeds, and its
 * real Kafka (the outbox relay sends there). Integration tests extend it so that they share one
 * Spring context.
 *
 * <p>The autowired {@link RestTestClient} acts as an admin of the tenant {@code default}: it sends
 * a fresh token of the registry's own issuer with every request that carries no {@code
 * Authorization} header of its own. {@link #clientFor}, {@link #clientAs} and {@link
 * #anonymousClient} give clients for other tenants, other roles and no token at all.
 */
@ExtendWith(PostgresExtension.class)
@KeepTables({"tenants"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(RegistryITBase.AdminOfTheDefaultTenant.class)
public abstract class RegistryITBase {

  /**
   * The platform CA's directory for this JVM's registry: generated there at the context's start,
   * never under the module's {@code var/}.
   */
  protected static final Path CA_DIRECTORY = temporaryDirectory("registry-ca-");

  /** The subject of the default client's tokens. */
  protected static final String TEST_ADMIN = "test-admin";

  // One folder per JVM, so that every test class sees the same signing key and shares the context.
  private static final Path KEY_DIR = tempDir();

  // Field injection keeps the constructors of the subclasses (each takes what it tests) unchanged.
  @Autowired private RestTestClient client;
  @Autowired private TokenIssuer tokens;
  @Autowired private JdbcTemplate jdbc;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("iot.registry.ca.directory", CA_DIRECTORY::toString);
    registry.add("spring.datasource.url", TestServers::postgresJdbcUrl);
    registry.add("spring.datasource.username", () -> TestServers.postgres().user());
    registry.add("spring.datasource.password", () -> TestServers.postgres().password());
    registry.add("spring.kafka.bootstrap-servers", () -> TestServers.kafka().bootstrapServers());
    registry.add("iot.registry.auth.key-dir", KEY_DIR::toString);
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

  /** A token of the registry's issuer for a caller of {@code tenant} with {@code role}. */
  protected String tokenFor(String tenant, Role role) {
    return tokens.issue(TEST_ADMIN + "-" + role.claimValue(), tenant, List.of(role)).value();
  }

  /** A client acting in {@code tenant} with {@code role}; the tenant need not exist. */
  protected RestTestClient clientFor(String tenant, Role role) {
    return client
        .mutate()
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(tenant, role))
        .build();
  }

  /** A client acting in the tenant {@code default} with {@code role}. */
  protected RestTestClient clientAs(Role role) {
    return clientFor(Tenants.DEFAULT, role);
  }

  /** A client that sends no token. */
  protected RestTestClient anonymousClient() {
    return client.mutate().requestInterceptors(List::clear).build();
  }

  /** Adds a tenant, for tests that store rows in a second one; an existing tenant stays. */
  protected void createTenant(String id) {
    jdbc.update("INSERT INTO tenants (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING", id, id);
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("registry-jwt-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives the autowired client an admin token of the tenant {@code default}. */
  @TestConfiguration(proxyBeanMethods = false)
  static class AdminOfTheDefaultTenant {

    @Bean
    RestTestClientBuilderCustomizer adminOfTheDefaultTenant(TokenIssuer tokens) {
      return builder ->
          builder.requestInterceptor(
              bearerUnlessSet(
                  () -> tokens.issue(TEST_ADMIN, Tenants.DEFAULT, List.of(Role.ADMIN)).value()));
    }

    // A fresh token per request: a cached context outlives the tokens' 15 minutes.
    private static ClientHttpRequestInterceptor bearerUnlessSet(Supplier<String> token) {
      return (request, body, execution) -> {
        if (request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null) {
          request.getHeaders().setBearerAuth(token.get());
        }
        return execution.execute(request, body);
      };
    }
  }
}
