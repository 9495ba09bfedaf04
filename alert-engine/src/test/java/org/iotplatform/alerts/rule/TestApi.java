package org.iotplatform.alerts.rule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.iotplatform.testsupport.TestJwts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's REST API as a tenant's operator calls it, for the integration tests. */
public final class TestApi {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final String token;

  private TestApi(int port, String token) {
    this.port = port;
    this.token = token;
  }

  /** An operator of the tenant. */
  public static TestApi operator(int port, String tenant) {
    return new TestApi(port, TestJwts.token(tenant, "operator"));
  }

  /** A viewer of the tenant. */
  public static TestApi viewer(int port, String tenant) {
    return new TestApi(port, TestJwts.token(tenant, "viewer"));
  }

  public String token() {
    return token;
  }

  /** An answer: status, headers and the JSON body (a missing node when there is none). */
  public record Response(int status, HttpResponse<String> raw, JsonNode body) {

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    /** The problem detail's {@code errorCode}. */
    public String errorCode() {
      return body.path("errorCode").asString();
    }
  }

  public Response post(String path, @Nullable String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response put(String path, String json, @Nullable String ifMatch) {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
    if (ifMatch != null) {
      builder.header("If-Match", ifMatch);
    }
    return send(builder);
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json, application/problem+json");
  }

  private static Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          response.body().isBlank() ? MAPPER.missingNode() : MAPPER.readTree(response.body());
      return new Response(response.statusCode(), response, body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
