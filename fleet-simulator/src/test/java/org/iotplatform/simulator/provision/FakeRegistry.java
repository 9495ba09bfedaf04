package org.iotplatform.simulator.provision;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the registry's REST API on a loopback port, answering as its controllers do (the
 * shapes of {@code TokenResponse}, {@code BulkReport}, {@code IssuedToken}, {@code
 * IssuedCertificate}) and recording what it was asked.
 */
final class FakeRegistry implements AutoCloseable {

  static final String API_KEY = "iotk_test_secret";
  static final String CERTIFICATE =
      "-----BEGIN CERTIFICATE-----\nZGV2aWNl\n-----END CERTIFICATE-----\n";
  static final String CA = "-----BEGIN CERTIFICATE-----\nY2E=\n-----END CERTIFICATE-----\n";
  private static final String JWT = "jwt-1";

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<String> requests = new ArrayList<>();
  private final List<String> csrSubjects = new ArrayList<>();
  private final AtomicInteger tokens = new AtomicInteger();
  volatile boolean typeExists;
  volatile @Nullable String refusedDevice;

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** {@code METHOD path} of every request, in order. */
  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  synchronized List<String> csrSubjects() {
    return List.copyOf(csrSubjects);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      synchronized (this) {
        requests.add(exchange.getRequestMethod() + " " + path);
      }
      if (path.equals("/api/v1/auth/token")) {
        if (!API_KEY.equals(json.readTree(body).path("apiKey").asString(""))) {
          answer(exchange, 401, Map.of("errorCode", "auth.invalid-api-key"));
          return;
        }
        answer(
            exchange, 200, Map.of("access_token", JWT, "token_type", "Bearer", "expires_in", 900));
        return;
      }
      if (!("Bearer " + JWT).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, Map.of("errorCode", "auth.unauthenticated"));
        return;
      }
      if (path.equals("/api/v1/device-types")) {
        answer(exchange, typeExists ? 409 : 201, Map.of("name", json.readTree(body).path("name")));
      } else if (path.equals("/api/v1/devices:bulk")) {
        bulk(exchange, body);
      } else if (path.endsWith("/credentials/tokens")) {
        String id = deviceId(path);
        answer(exchange, 201, Map.of("deviceId", id, "token", "token-" + tokens.incrementAndGet()));
      } else if (path.endsWith("/credentials/certificates")) {
        synchronized (this) {
          csrSubjects.add(subject(json.readTree(body).path("csr").asString()));
        }
        answer(
            exchange,
            201,
            Map.of("deviceId", deviceId(path), "certificate", CERTIFICATE, "caChain", List.of(CA)));
      } else {
        answer(exchange, 404, Map.of("errorCode", "not-found"));
      }
    }
  }

  private void bulk(HttpExchange exchange, String body) throws IOException {
    List<JsonNode> lines =
        body.lines().filter(line -> !line.isBlank()).map(json::readTree).toList();
    String refused = refusedDevice;
    boolean fails = lines.stream().anyMatch(line -> line.path("id").asString().equals(refused));
    answer(
        exchange,
        200,
        Map.of(
            "dryRun",
            false,
            "lines",
            lines.size(),
            "created",
            fails ? lines.size() - 1 : lines.size(),
            "failed",
            fails ? 1 : 0,
            "failures",
            fails
                ? List.of(
                    Map.of(
                        "line",
                        1,
                        "id",
                        String.valueOf(refused),
                        "errorCode",
                        "device.invalid",
                        "message",
                        "type is unknown."))
                : List.of(),
            "truncated",
            false));
  }

  private static String deviceId(String path) {
    return path.split("/")[4];
  }

  private static String subject(String csrPem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
      return ((PKCS10CertificationRequest) parser.readObject()).getSubject().toString();
    }
  }

  private void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
