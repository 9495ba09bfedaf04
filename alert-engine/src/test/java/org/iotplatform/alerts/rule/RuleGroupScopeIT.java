package org.iotplatform.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotplatform.alerts.AlertEngineITBase;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * GROUP scopes resolved at save time against a stub of the registry's device search on loopback,
 * which pages its answer and records the token it was called with.
 */
class RuleGroupScopeIT extends AlertEngineITBase {

  private static final String RULES = "/api/v1/alert-rules";

  /** Query string to answer; the rest answers 422 {@code group.unknown} as the registry does. */
  private static final Map<String, String> PAGES =
      Map.of(
          "group=freezers&limit=500",
          "{\"items\":[{\"id\":\"f-1\"},{\"id\":\"f-2\"}],\"nextCursor\":\"page2\"}",
          "group=freezers&limit=500&cursor=page2",
          "{\"items\":[{\"id\":\"f-3\"}],\"nextCursor\":null}",
          "group=crowd&limit=500",
          "{\"items\":[{\"id\":\"c-1\"},{\"id\":\"c-2\"},{\"id\":\"c-3\"},{\"id\":\"c-4\"}],"
              + "\"nextCursor\":null}");

  private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
  private static final HttpServer REGISTRY = startRegistry();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void registry(DynamicPropertyRegistry registry) {
    registry.add(
        "iot.alerts.registry.base-url",
        () -> "http://127.0.0.1:" + REGISTRY.getAddress().getPort());
    registry.add("iot.alerts.registry.max-group-members", () -> "3");
  }

  @BeforeEach
  void forgetCalls() {
    AUTHORIZATIONS.clear();
  }

  @Test
  void publishesAGroupAsTheMembersTheRegistryListedWithTheCallersToken() {
    TestApi api = TestApi.operator(port, "tenant-group");

    TestApi.Response created = api.post(RULES, groupRule("freezers"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(AUTHORIZATIONS).containsOnly("Bearer " + api.token()).hasSize(2);
    assertThat(created.body().path("deviceIds").toString()).isEqualTo("[\"f-1\",\"f-2\",\"f-3\"]");
    String id = created.body().path("id").asString();
    AlertRuleSnapshot snapshot =
        RuleTopic.awaitRecords(id, records -> !records.isEmpty()).get(0).snapshot();
    assertThat(snapshot.scope())
        .isEqualTo(AlertRuleSnapshot.Scope.group("freezers", List.of("f-1", "f-2", "f-3")));
    assertThat(api.get(RULES + "?deviceId=f-2").body().path("items")).hasSize(1);
  }

  @Test
  void refusesAGroupTheRegistryDoesNotKnow() {
    TestApi.Response refused =
        TestApi.operator(port, "tenant-group").post(RULES, groupRule("ghosts"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("rule.unknown-group");
  }

  @Test
  void refusesAGroupLargerThanTheBound() {
    TestApi.Response refused =
        TestApi.operator(port, "tenant-group").post(RULES, groupRule("crowd"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("group.too-large");
  }

  private static String groupRule(String group) {
    return """
        {"name":"g","scope":{"kind":"GROUP","group":"%s"},"condition":{"type":"OFFLINE",
         "after":"PT5M"},"severity":"LOW"}"""
        .formatted(group);
  }

  private static HttpServer startRegistry() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/api/v1/devices", RuleGroupScopeIT::answer);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    AUTHORIZATIONS.add(String.valueOf(authorization));
    String page = PAGES.get(exchange.getRequestURI().getRawQuery());
    int status = authorization == null ? 401 : page == null ? 422 : 200;
    byte[] body =
        (page == null ? "{\"errorCode\":\"group.unknown\"}" : page)
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
