package org.iotplatform.alerts.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry client against a stub registry on loopback (no Spring). */
class RegistryGroupMembersIT {

  private HttpServer registry;

  @AfterEach
  void stop() {
    if (registry != null) {
      registry.stop(0);
    }
  }

  @Test
  void stopsAtAnEmptyPageThatStillNamesANextOne() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    registry = stub("{\"items\":[],\"nextCursor\":\"again\"}", calls);
    RegistryGroupMembers underTest = client(registry.getAddress().getPort());

    assertThat(underTest.members("confused", "token")).contains(List.of());
    assertThat(calls).hasValue(1);
  }

  @Test
  void answersServiceUnavailableWhenTheRegistryIsDown() throws IOException {
    registry = stub("{}", new AtomicInteger());
    int port = registry.getAddress().getPort();
    registry.stop(0);
    registry = null;
    RegistryGroupMembers underTest = client(port);

    assertThatThrownBy(() -> underTest.members("any", "token"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(RegistryCallError.REGISTRY_UNAVAILABLE));
  }

  private static RegistryGroupMembers client(int port) {
    return new RegistryGroupMembers(
        HttpClient.newHttpClient(),
        new RegistryProperties(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5), 10));
  }

  private static HttpServer stub(String page, AtomicInteger calls) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/devices",
        exchange -> {
          calls.incrementAndGet();
          byte[] body = page.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }
}
