package org.iotplatform.systemtests.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An operator's client of the shadow service's REST API: {@code PATCH /api/v1/devices/{id}/shadow}
 * with {@code {"state":{"desired":{"seq":N}}}}. HTTP/1.1, so the JDK client opens a connection per
 * request in flight and reuses it, rather than trying an h2c upgrade the service does not offer.
 */
final class ShadowPatcher {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;
  private final String authorization;

  /** {@code base} is the service's root ({@code http://127.0.0.1:PORT}). */
  ShadowPatcher(URI base, String token) {
    this.base = base;
    this.authorization = "Bearer " + token;
  }

  /** Sets desired {@code seq} of {@code deviceId}; completes with the HTTP status. */
  CompletableFuture<Integer> patch(String deviceId, long seq) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/devices/" + deviceId + "/shadow"))
            .timeout(TIMEOUT)
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(
                    "{\"state\":{\"desired\":{\"seq\":" + seq + "}}}"))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode);
  }

  /** The HTTP status and body of {@code GET /api/v1/devices/{id}/shadow}. */
  HttpResponse<String> get(String deviceId) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve("/api/v1/devices/" + deviceId + "/shadow"))
            .timeout(TIMEOUT)
            .header("Authorization", authorization)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
