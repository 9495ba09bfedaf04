package org.iotplatform.simulator.provision;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls of the registry's REST API that provisioning makes, as an operator holding an API key.
 * Thread-safe: the operator's JWT is shared and renewed before it expires.
 */
final class RegistryApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  // A bulk import of 10,000 devices is written in batches while it is read: give it longer.
  private static final Duration BULK_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

  private final URI registry;
  private final String apiKey;
  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();
  private @Nullable String jwt;
  private Instant jwtExpiresAt = Instant.MIN;

  RegistryApi(URI registry, String apiKey, HttpClient http) {
    this.registry = registry;
    this.apiKey = apiKey;
    this.http = http;
  }

  /** Creates the device type; one that exists already is fine. */
  void createDeviceType(String name, Map<String, String> units) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    units.forEach(
        (metric, unit) -> metrics.put(metric, unit.isEmpty() ? Map.of() : Map.of("unit", unit)));
    HttpResponse<String> response =
        send(
            "/api/v1/device-types",
            "application/json",
            json.writeValueAsString(Map.of("name", name, "metrics", metrics)));
    if (response.statusCode() != 201 && response.statusCode() != 409) {
      throw failed("creating device type " + name, response);
    }
  }

  /** Creates the devices (existing ones stay as they are) in one NDJSON bulk import. */
  void importDevices(List<String> deviceIds, String type) {
    String body =
        deviceIds.stream()
            .map(id -> json.writeValueAsString(Map.of("id", id, "type", type)))
            .collect(Collectors.joining("\n", "", "\n"));
    HttpResponse<String> response =
        send("/api/v1/devices:bulk", "application/x-ndjson", body, BULK_TIMEOUT);
    if (response.statusCode() != 200) {
      throw failed("importing " + deviceIds.size() + " devices", response);
    }
    JsonNode report = parse(response);
    if (report.path("failed").asInt() > 0 || report.path("truncated").asBoolean()) {
      JsonNode first = report.path("failures").path(0);
      throw new ProvisioningException(
          "the registry refused "
              + report.path("failed").asInt()
              + " of "
              + deviceIds.size()
              + " devices, e.g. "
              + first.path("id").asString("?")
              + ": "
              + first.path("message").asString("(no detail)"));
    }
  }

  /** Issues a new token for the device and returns the secret. */
  String issueToken(String deviceId) {
    HttpResponse<String> response =
        send("/api/v1/devices/" + deviceId + "/credentials/tokens", "application/json", "{}");
    if (response.statusCode() != 201) {
      throw failed("issuing a token for " + deviceId, response);
    }
    return text(parse(response), "token", deviceId);
  }

  /** Has the registry sign the CSR; returns the certificate followed by the CA chain, PEM. */
  String issueCertificate(String deviceId, String csrPem) {
    HttpResponse<String> response =
        send(
            "/api/v1/devices/" + deviceId + "/credentials/certificates",
            "application/json",
            json.writeValueAsString(Map.of("csr", csrPem)));
    if (response.statusCode() != 201) {
      throw failed("issuing a certificate for " + deviceId, response);
    }
    JsonNode issued = parse(response);
    StringBuilder chain = new StringBuilder(text(issued, "certificate", deviceId));
    for (JsonNode ca : issued.path("caChain")) {
      if (!chain.toString().endsWith("\n")) {
        chain.append('\n');
      }
      chain.append(ca.asString());
    }
    return chain.toString();
  }

  private HttpResponse<String> send(String path, String contentType, String body) {
    return send(path, contentType, body, TIMEOUT);
  }

  private HttpResponse<String> send(
      String path, String contentType, String body, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(registry.resolve(path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + operatorToken())
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return exchange(request, "POST " + path);
  }

  /** The operator's JWT, exchanged for the API key when there is none or it is about to expire. */
  private synchronized String operatorToken() {
    String current = jwt;
    if (current != null && Instant.now().plus(RENEW_BEFORE_EXPIRY).isBefore(jwtExpiresAt)) {
      return current;
    }
    HttpRequest request =
        HttpRequest.newBuilder(registry.resolve("/api/v1/auth/token"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json.writeValueAsString(Map.of("apiKey", apiKey))))
            .build();
    HttpResponse<String> response = exchange(request, "POST /api/v1/auth/token");
    if (response.statusCode() != 200) {
      throw failed("exchanging the API key for a token", response);
    }
    JsonNode token = parse(response);
    String value = text(token, "access_token", "the token exchange");
    jwt = value;
    jwtExpiresAt = Instant.now().plusSeconds(token.path("expires_in").asLong(300));
    return value;
  }

  private HttpResponse<String> exchange(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProvisioningException(
          what
              + " at "
              + registry
              + " failed: "
              + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
              + " (is the registry up?)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisioningException(what + " was interrupted", e);
    }
  }

  private JsonNode parse(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (JacksonException e) {
      throw new ProvisioningException(
          "the registry's answer to " + response.request().uri() + " is not JSON: " + e, e);
    }
  }

  private static String text(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString()) {
      throw new ProvisioningException("the registry's answer for " + what + " has no " + field);
    }
    return value.asString();
  }

  private static ProvisioningException failed(String what, HttpResponse<String> response) {
    String body = response.body();
    String detail = body.length() > 500 ? body.substring(0, 500) + "..." : body;
    return new ProvisioningException(
        what + " failed: the registry answered " + response.statusCode() + " " + detail);
  }
}
