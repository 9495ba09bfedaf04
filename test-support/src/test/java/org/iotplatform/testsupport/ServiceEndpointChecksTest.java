package org.iotplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceEndpointChecksTest {

  private static final String TOKEN = "a-token";

  private HttpServer service;

  @BeforeEach
  void startService() throws IOException {
    service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    answer("/actuator/health", 200, "application/json", "{\"status\":\"UP\"}");
    answer("/actuator/prometheus", 200, "text/plain", "jvm_memory_used_bytes{area=\"heap\"} 1.0\n");
    answer(
        "/v3/api-docs",
        200,
        "application/json",
        "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"IoT platform widgets\"}}");
    service.createContext(
        "/api/",
        exchange -> {
          boolean withToken =
              ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
          if (!withToken) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
          }
          respond(
              exchange,
              withToken ? 404 : 401,
              "application/problem+json",
              withToken
                  ? "{\"status\":404,\"errorCode\":\"request.not-found\","
                      + "\"instance\":\"/api/v1/no-such-resource\"}"
                  : "{\"status\":401,\"errorCode\":\"auth.unauthenticated\"}");
        });
    service.start();
  }

  @AfterEach
  void stopService() {
    service.stop(0);
  }

  @Test
  void passesAServiceThatOffersEverything() {
    var underTest = ServiceEndpointChecks.at(port(), "IoT platform widgets").withBearerToken(TOKEN);

    assertThatCode(underTest::assertAll).doesNotThrowAnyException();
  }

  @Test
  void failsWithoutATokenForTheUnknownPath() {
    var underTest = ServiceEndpointChecks.at(port(), "IoT platform widgets");

    assertThatThrownBy(underTest::assertAnswersUnknownPathWithProblemDetail)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("status of an unknown path");
  }

  @Test
  void failsOnAnApiThatAnswersCallsWithoutAToken() {
    answer(
        "/api/v1/",
        404,
        "application/problem+json",
        "{\"status\":404,\"errorCode\":\"request.not-found\"}");
    var underTest = ServiceEndpointChecks.at(port(), "IoT platform widgets").withBearerToken(TOKEN);

    assertThatThrownBy(underTest::assertRefusesAnApiCallWithoutToken)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("status of an API call without token");
  }

  @Test
  void failsOnAnotherServicesTitle() {
    var underTest = ServiceEndpointChecks.at(port(), "IoT platform gadgets").withBearerToken(TOKEN);

    assertThatThrownBy(underTest::assertAll)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("info.title")
        .hasMessageContaining("IoT platform gadgets");
  }

  @Test
  void failsOnAnUnknownPathAnsweredWithoutAnErrorCode() {
    answer("/api/v1/", 404, "application/problem+json", "{\"status\":404}");
    var underTest = ServiceEndpointChecks.at(port(), "IoT platform widgets").withBearerToken(TOKEN);

    assertThatThrownBy(underTest::assertAnswersUnknownPathWithProblemDetail)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("errorCode");
  }

  private int port() {
    return service.getAddress().getPort();
  }

  private void answer(String path, int status, String contentType, String body) {
    service.createContext(path, exchange -> respond(exchange, status, contentType, body));
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
