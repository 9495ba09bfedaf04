package org.iotplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;

/**
 * What every platform service offers over HTTP: health {@code UP} at {@code /actuator/health},
 * Prometheus metrics, its OpenAPI document with its own title (all three open to anyone), an RFC
 * 9457 problem detail with {@code errorCode} {@code auth.unauthenticated} for an API call without a
 * token, and one with {@code request.not-found} for an unknown path called with a token.
 *
 * <p>Plain {@code java.net.http} rather than Spring's test clients, so that it checks any running
 * service: one booted by {@code @SpringBootTest} on a random port, or a jar started by {@code ./iot
 * up}.
 *
 * <pre>{@code
 * @Test
 * void offersWhatEveryPlatformServiceOffers(@LocalServerPort int port) {
 *   ServiceEndpointChecks.at(port, "IoT platform alert engine")
 *       .withBearerToken(TestJwts.token("default", "viewer"))
 *       .assertAll();
 * }
 * }</pre>
 */
public final class ServiceEndpointChecks {

  /** A path that no service serves. */
  public static final String UNKNOWN_PATH = "/api/v1/no-such-resource";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String expectedTitle;
  private final @Nullable String bearerToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ServiceEndpointChecks(URI base, String expectedTitle, @Nullable String bearerToken) {
    this.base = base;
    this.expectedTitle = expectedTitle;
    this.bearerToken = bearerToken;
  }

  /**
   * @param port where the service listens on 127.0.0.1
   * @param expectedTitle the {@code info.title} of its OpenAPI document
   */
  public static ServiceEndpointChecks at(int port, String expectedTitle) {
    return new ServiceEndpointChecks(URI.create("http://127.0.0.1:" + port), expectedTitle, null);
  }

  /**
   * The same checks, sending this token where one is needed (the unknown path). Without one, that
   * check fails with a 401: every platform service is a resource server.
   */
  public ServiceEndpointChecks withBearerToken(String token) {
    return new ServiceEndpointChecks(base, expectedTitle, token);
  }

  /** Runs every check and reports all that failed together. */
  public void assertAll() {
    SoftAssertions.assertSoftly(
        softly -> {
          softly.check(this::assertHealthUp);
          softly.check(this::assertServesPrometheusMetrics);
          softly.check(this::assertServesOpenApiDocument);
          softly.check(this::assertRefusesAnApiCallWithoutToken);
          softly.check(this::assertAnswersUnknownPathWithProblemDetail);
        });
  }

  public void assertHealthUp() {
    HttpResponse<String> response = get("/actuator/health");
    assertThat(response.statusCode()).as("status of /actuator/health").isEqualTo(200);
    assertThat(json(response).at("/status").asText()).as("health").isEqualTo("UP");
  }

  public void assertServesPrometheusMetrics() {
    HttpResponse<String> response = get("/actuator/prometheus");
    assertThat(response.statusCode()).as("status of /actuator/prometheus").isEqualTo(200);
    assertThat(response.body()).as("Prometheus metrics").contains("jvm_memory_used_bytes");
  }

  public void assertServesOpenApiDocument() {
    HttpResponse<String> response = get("/v3/api-docs");
    assertThat(response.statusCode()).as("status of /v3/api-docs").isEqualTo(200);
    JsonNode document = json(response);
    assertThat(document.at("/openapi").isMissingNode()).as("has an openapi version").isFalse();
    assertThat(document.at("/info/title").asText()).as("info.title").isEqualTo(expectedTitle);
  }

  public void assertRefusesAnApiCallWithoutToken() {
    HttpResponse<String> response = send(UNKNOWN_PATH, null);
    assertThat(response.statusCode()).as("status of an API call without token").isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .as("content type of an API call without token")
        .hasValue("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .as("WWW-Authenticate of an API call without token")
        .hasValue("Bearer");
    assertThat(json(response).at("/errorCode").asText())
        .as("errorCode of an API call without token")
        .isEqualTo("auth.unauthenticated");
  }

  public void assertAnswersUnknownPathWithProblemDetail() {
    HttpResponse<String> response = get(UNKNOWN_PATH);
    assertThat(response.statusCode()).as("status of an unknown path").isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .as("content type of an unknown path")
        .hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.at("/status").asInt()).as("problem status").isEqualTo(404);
    assertThat(problem.at("/errorCode").asText()).as("errorCode").isEqualTo("request.not-found");
    assertThat(problem.at("/instance").asText()).as("problem instance").isEqualTo(UNKNOWN_PATH);
  }

  private HttpResponse<String> get(String path) {
    return send(path, bearerToken);
  }

  private HttpResponse<String> send(String path, @Nullable String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    HttpRequest request = builder.build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during GET " + request.uri(), e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON from " + response.uri() + ": " + response.body(), e);
    }
  }
}
