package org.iotplatform.registry.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iotplatform.registry.RegistryITBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency-Key on the device create and the bulk import, on the real PostgreSQL. */
class IdempotencyKeyApiIT extends RegistryITBase {

  private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  private final RestTestClient underTest;
  private final JdbcTemplate jdbc;
  private final IdempotencyKeyCleanup cleanup;
  private final JsonMapper json = JsonMapper.builder().build();

  IdempotencyKeyApiIT(
      @Autowired RestTestClient underTest,
      @Autowired JdbcTemplate jdbc,
      @Autowired IdempotencyKeyCleanup cleanup) {
    this.underTest = underTest;
    this.jdbc = jdbc;
    this.cleanup = cleanup;
  }

  @BeforeEach
  void createDeviceType() {
    underTest
        .post()
        .uri("/api/v1/device-types")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "meter"))
        .exchange()
        .expectStatus()
        .isCreated();
  }

  @Test
  void answersARetriedCreateWithTheFirstAnswerAndCreatesOnce() {
    String body = "{\"id\": \"m-1\", \"type\": \"meter\", \"name\": \"first\"}";
    EntityExchangeResult<String> first = create("key-1", body);
    assertThat(first.getStatus().value()).isEqualTo(201);

    EntityExchangeResult<String> retry = create("key-1", body);

    assertThat(retry.getStatus().value()).isEqualTo(201);
    assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
    HttpHeaders headers = retry.getResponseHeaders();
    assertThat(headers.getFirst(HttpHeaders.LOCATION)).isEqualTo("/api/v1/devices/m-1");
    assertThat(headers.getETag()).isEqualTo("\"0\"");
    assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(headers.getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
    assertThat(first.getResponseHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
    assertThat(count("SELECT count(*) FROM devices")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM outbox WHERE topic = 'iot.devices.v1'")).isEqualTo(1);
  }

  @Test
  void refusesTheSameKeyWithAnotherBodyAndChangesNothing() {
    create("key-1", "{\"id\": \"m-1\", \"type\": \"meter\"}");

    assertProblem(
        underTest
            .post()
            .uri("/api/v1/devices")
            .header(IdempotencyFilter.HEADER, "key-1")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"id\": \"m-2\", \"type\": \"meter\"}")
            .exchange(),
        422,
        "idempotency.key-reused");
    assertThat(count("SELECT count(*) FROM devices")).isEqualTo(1);
  }

  @Test
  void keysBelongToOneEndpoint() {
    create("key-1", "{\"id\": \"m-1\", \"type\": \"meter\"}");

    assertProblem(
        bulk("key-1", "/api/v1/devices:bulk", "{\"id\": \"m-1\", \"type\": \"meter\"}\n"),
        422,
        "idempotency.key-reused");
  }

  @Test
  void runsARefusedRequestAgainWhenRetried() {
    String body = "{\"id\": \"t-1\", \"type\": \"thermometer\"}";
    assertThat(create("key-1", body).getStatus().value()).isEqualTo(422);
    underTest
        .post()
        .uri("/api/v1/device-types")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "thermometer"))
        .exchange()
        .expectStatus()
        .isCreated();

    EntityExchangeResult<String> retry = create("key-1", body);

    assertThat(retry.getStatus().value()).isEqualTo(201);
    assertThat(retry.getResponseHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
  }

  @Test
  void answersARetriedBulkImportWithTheFirstReport() {
    String body =
        "{\"id\": \"b-1\", \"type\": \"meter\"}\n{\"id\": \"b-2\", \"type\": \"meter\"}\n";
    String first =
        bulk("key-1", "/api/v1/devices:bulk", body)
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    RestTestClient.ResponseSpec retry = bulk("key-1", "/api/v1/devices:bulk", body);

    retry
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(IdempotencyFilter.REPLAYED, "true")
        .expectBody(String.class)
        .isEqualTo(first);
    assertThat(json.readTree(first).get("created").asInt()).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM outbox WHERE topic = 'iot.devices.v1'")).isEqualTo(2);
  }

  @Test
  void theQueryIsPartOfTheRequest() {
    String body = "{\"id\": \"b-1\", \"type\": \"meter\"}\n";
    bulk("key-1", "/api/v1/devices:bulk?dryRun=true", body).expectStatus().isOk();

    assertProblem(bulk("key-1", "/api/v1/devices:bulk", body), 422, "idempotency.key-reused");
  }

  @Test
  void concurrentRetriesOfACreateCreateOnce() throws Exception {
    String body = "{\"id\": \"m-1\", \"type\": \"meter\"}";
    int retries = 8;
    ExecutorService executor = Executors.newFixedThreadPool(retries);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<EntityExchangeResult<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < retries; i++) {
        answers.add(
            executor.submit(
                () -> {
                  start.await();
                  return create("key-1", body);
                }));
      }
      start.countDown();
      List<String> created = new ArrayList<>();
      for (Future<EntityExchangeResult<String>> answer : answers) {
        EntityExchangeResult<String> result = answer.get(60, TimeUnit.SECONDS);
        int status = result.getStatus().value();
        assertThat(status).as(result.getResponseBody()).isIn(201, 409);
        if (status == 201) {
          created.add(result.getResponseBody());
        } else {
          assertThat(json.readTree(result.getResponseBody()).get("errorCode").asString())
              .isEqualTo("idempotency.in-progress");
        }
      }
      assertThat(created).isNotEmpty();
      assertThat(created).allSatisfy(answer -> assertThat(answer).isEqualTo(created.get(0)));
    } finally {
      executor.shutdownNow();
    }
    assertThat(count("SELECT count(*) FROM devices")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM outbox WHERE topic = 'iot.devices.v1'")).isEqualTo(1);
  }

  @Test
  void answersInProgressWhileAnotherRequestHoldsTheKey() {
    insertClaim("key-1", Duration.ofSeconds(-1), Duration.ofHours(24));

    assertProblem(
        underTest
            .post()
            .uri("/api/v1/devices")
            .header(IdempotencyFilter.HEADER, "key-1")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"id\": \"m-1\", \"type\": \"meter\"}")
            .exchange(),
        409,
        "idempotency.in-progress");
    assertThat(count("SELECT count(*) FROM devices")).isZero();
  }

  @Test
  void takesOverAKeyWhoseRequestOutlivedItsLease() {
    insertClaim("key-1", Duration.ofHours(-1), Duration.ofHours(23));

    assertThat(create("key-1", "{\"id\": \"m-1\", \"type\": \"meter\"}").getStatus().value())
        .isEqualTo(201);
  }

  @Test
  void aKeyPastItsRetentionIsFreeForAnotherRequest() {
    create("key-1", "{\"id\": \"m-1\", \"type\": \"meter\"}");
    jdbc.update("UPDATE idempotency_keys SET expires_at = now() - interval '1 second'");

    EntityExchangeResult<String> other = create("key-1", "{\"id\": \"m-2\", \"type\": \"meter\"}");

    assertThat(other.getStatus().value()).isEqualTo(201);
    assertThat(count("SELECT count(*) FROM devices")).isEqualTo(2);
  }

  @Test
  void theCleanupDeletesTheKeysPastTheirRetentionOnly() {
    insertClaim("old", Duration.ofHours(-25), Duration.ofHours(-1));
    insertClaim("new", Duration.ofHours(-1), Duration.ofHours(23));

    assertThat(cleanup.cleanUp()).isEqualTo(1);

    assertThat(jdbc.queryForList("SELECT idempotency_key FROM idempotency_keys", String.class))
        .containsExactly("new");
  }

  @Test
  void refusesAKeyThatIsNotVisibleAscii() {
    assertProblem(
        underTest
            .post()
            .uri("/api/v1/devices")
            .header(IdempotencyFilter.HEADER, "x".repeat(256))
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"id\": \"m-1\", \"type\": \"meter\"}")
            .exchange(),
        400,
        "idempotency.invalid-key");
    assertThat(count("SELECT count(*) FROM devices")).isZero();
  }

  @Test
  void aCreateWithoutAKeyIsNotRemembered() {
    underTest
        .post()
        .uri("/api/v1/devices")
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"id\": \"m-1\", \"type\": \"meter\"}")
        .exchange()
        .expectStatus()
        .isCreated();

    assertThat(count("SELECT count(*) FROM idempotency_keys")).isZero();
  }

  @Test
  void theOpenApiDocumentShowsTheHeaderOnTheGuardedOperations() {
    String document =
        underTest
            .get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    var paths = json.readTree(document).get("paths");
    for (String path : IdempotencyConfiguration.PATHS) {
      assertThat(paths.get(path).get("post").get("parameters").findValuesAsString("name"))
          .as(path)
          .contains(IdempotencyFilter.HEADER);
    }
  }

  private EntityExchangeResult<String> create(String key, String body) {
    return underTest
        .post()
        .uri("/api/v1/devices")
        .header(IdempotencyFilter.HEADER, key)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange()
        .expectBody(String.class)
        .returnResult();
  }

  private RestTestClient.ResponseSpec bulk(String key, String uri, String body) {
    return underTest
        .post()
        .uri(uri)
        .header(IdempotencyFilter.HEADER, key)
        .contentType(NDJSON)
        .body(body)
        .exchange();
  }

  /** An unanswered claim of the default tenant, claimed and expiring at these offsets from now. */
  private void insertClaim(String key, Duration claimedAt, Duration expiresAt) {
    jdbc.update(
        "INSERT INTO idempotency_keys (tenant_id, idempotency_key, claim_token, claimed_at,"
            + " expires_at) VALUES ('default', ?, ?, now() + ?::interval, now() + ?::interval)",
        key,
        UUID.randomUUID(),
        claimedAt.getSeconds() + " seconds",
        expiresAt.getSeconds() + " seconds");
  }

  private int count(String sql) {
    Integer count = jdbc.queryForObject(sql, Integer.class);
    return count == null ? 0 : count;
  }
}
