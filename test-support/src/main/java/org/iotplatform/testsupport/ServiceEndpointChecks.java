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

/**
 * What every platform service offers over HTTP: health {@code UP} at {@code /actuator/health},
 * Prometheus metrics, its OpenAPI document with its own title, and an RFC 9457 problem detail with
 * {@code errorCode} {@code request.not-found} for an unknown path.
 *
 * <p>Plain {@code java.net.http} rather than Spring's test clients, so that it checks any running
 * service: one booted by {@code @SpringBootTest} on a random port, or a jar started by {@code ./iot
 * up}.
 *
 * <pre>{@code
 * @Test
 * void offersWhatEveryPlatformServiceOffers(@LocalServerPort int port) {
 *   ServiceEndpointChecks.at(port, "IoT platform alert engine").assertAll();
 * }
 * }</pre>
 */
public final class ServiceEndpointChecks {

  /** A path that no service serves. */
  public static final String UNKNOWN_PATH = "/api/v1/no-such-resource";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String expectedTitle;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ServiceEndpointChecks(URI base, String expectedTitle) {
    this.base = base;
    this.expectedTitle = expectedTitle;
  }

  /**
   * @param port where the service listens on 127.0.0.1
   * @param expectedTitle the {@code info.title} of its OpenAPI document
   */
  public static ServiceEndpointChecks at(int port, String expectedTitle) {
    return new ServiceEndpointChecks(URI.create("http://127.0.0.1:" + port), expectedTitle);
  }

  /** Runs every check and reports all that failed together. */
  public void assertAll() {
    SoftAssertions.assertSoftly(
        softly -> {
          softly.check(this::assertHealthUp);
          softly.check(this::assertServesPrometheusMetrics);
          softly.check(this::assertServesOpenApiDocument);
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
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
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
