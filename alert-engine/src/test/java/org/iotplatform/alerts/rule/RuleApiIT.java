package org.iotplatform.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iotplatform.alerts.AlertEngineITBase;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The rules' REST API against the real PostgreSQL and Kafka, with TENANT-scoped rules. */
class RuleApiIT extends AlertEngineITBase {

  private static final String RULES = "/api/v1/alert-rules";

  @LocalServerPort int port;

  static String rule(String name, String condition, String severity) {
    return """
        {"name":"%s","description":"test","scope":{"kind":"TENANT"},"condition":%s,
         "severity":"%s","cooldown":"PT5M","enabled":true}"""
        .formatted(name, condition, severity);
  }

  private static final String TOO_WARM =
      "{\"type\":\"THRESHOLD\",\"metric\":\"temperature\",\"operator\":\">\",\"value\":30,"
          + "\"consecutive\":3,\"sustainFor\":\"PT30S\"}";

  @Test
  void createsReadsReplacesAndDeletesARule() {
    TestApi api = TestApi.operator(port, "tenant-crud");

    TestApi.Response created = api.post(RULES, rule("Too warm", TOO_WARM, "high"));

    assertThat(created.status()).isEqualTo(201);
    String id = created.body().path("id").asString();
    assertThat(created.header("Location")).contains(RULES + "/" + id);
    assertThat(created.header("ETag")).contains("\"1\"");
    assertThat(created.body().path("severity").asString()).isEqualTo("HIGH");
    assertThat(created.body().path("cooldown").asString()).isEqualTo("PT5M");
    assertThat(created.body().path("condition").path("operator").asString()).isEqualTo("GT");
    assertThat(created.body().path("condition").path("sustainFor").asString()).isEqualTo("PT30S");

    TestApi.Response read = TestApi.viewer(port, "tenant-crud").get(RULES + "/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(created.body());

    TestApi.Response replaced =
        api.put(RULES + "/" + id, rule("Too hot", TOO_WARM, "CRITICAL"), "\"1\"");
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.header("ETag")).contains("\"2\"");
    assertThat(replaced.body().path("name").asString()).isEqualTo("Too hot");

    TestApi.Response stale = api.put(RULES + "/" + id, rule("Stale", TOO_WARM, "LOW"), "\"1\"");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("rule.version-conflict");

    assertThat(api.delete(RULES + "/" + id).status()).isEqualTo(204);
    TestApi.Response gone = api.get(RULES + "/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("rule.not-found");
  }

  @Test
  void hidesAnotherTenantsRule() {
    TestApi owner = TestApi.operator(port, "tenant-a");
    TestApi other = TestApi.operator(port, "tenant-b");
    String id = owner.post(RULES, rule("Mine", TOO_WARM, "LOW")).body().path("id").asString();

    assertThat(other.get(RULES + "/" + id).errorCode()).isEqualTo("rule.not-found");
    assertThat(other.put(RULES + "/" + id, rule("Yours", TOO_WARM, "LOW"), null).status())
        .isEqualTo(404);
    assertThat(other.delete(RULES + "/" + id).status()).isEqualTo(404);
    assertThat(other.get(RULES).body().path("items")).isEmpty();
    assertThat(owner.get(RULES + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void refusesAViewersChange() {
    TestApi.Response refused =
        TestApi.viewer(port, "tenant-viewer").post(RULES, rule("No", TOO_WARM, "LOW"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("auth.forbidden");
  }

  @Test
  void answersAnImpossibleThresholdWithAProblemNamingTheField() {
    String between =
        "{\"type\":\"ALL\",\"conditions\":[{\"type\":\"THRESHOLD\",\"metric\":\"temperature\","
            + "\"operator\":\"BETWEEN\",\"value\":10,\"upper\":5}]}";

    TestApi.Response refused =
        TestApi.operator(port, "tenant-bad").post(RULES, rule("Bad", between, "LOW"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.errorCode()).isEqualTo("rule.invalid");
    assertThat(refused.body().path("field").asString()).isEqualTo("condition.conditions[0].upper");
    assertThat(refused.body().path("detail").asString()).contains("must be at least value");
  }

  @Test
  void refusesAnUnknownChannel() {
    String withChannel =
        rule("Notify", TOO_WARM, "LOW")
            .replace("\"enabled\":true", "\"channels\":[\"6f1c0000-0000-0000-0000-000000000000\"]");

    TestApi.Response refused = TestApi.operator(port, "tenant-ch").post(RULES, withChannel);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("rule.unknown-channel");
  }

  @Test
  void listsPageByPageWithFilters() {
    TestApi api = TestApi.operator(port, "tenant-list");
    for (int i = 0; i < 3; i++) {
      api.post(RULES, rule("High " + i, TOO_WARM, "HIGH"));
    }
    api.post(RULES, rule("Low", TOO_WARM, "LOW"));

    TestApi.Response first = api.get(RULES + "?severity=high&limit=2");
    TestApi.Response second =
        api.get(
            RULES + "?severity=high&limit=2&cursor=" + first.body().path("nextCursor").asString());

    assertThat(first.body().path("items")).hasSize(2);
    assertThat(second.body().path("items")).hasSize(1);
    assertThat(second.body().path("nextCursor").isNull()).isTrue();
    assertThat(api.get(RULES + "?enabled=false").body().path("items")).isEmpty();
    assertThat(api.get(RULES + "?cursor=garbage").errorCode()).isEqualTo("rule.invalid");
  }

  @Test
  void publishesTheExpandedSnapshotAndATombstoneOnDelete() {
    TestApi api = TestApi.operator(port, "tenant-pub");
    String id =
        api.post(RULES, rule("Battery", "{\"type\":\"BATTERY_LOW\",\"below\":15}", "MEDIUM"))
            .body()
            .path("id")
            .asString();
    api.put(
        RULES + "/" + id,
        rule("Battery", "{\"type\":\"ANOMALY\",\"above\":0.8}", "MEDIUM"),
        "\"1\"");
    api.delete(RULES + "/" + id);

    List<RuleTopic.RuleRecord> records = RuleTopic.awaitRecords(id, found -> found.size() >= 3);

    AlertRuleSnapshot first = records.get(0).snapshot();
    assertThat(first).isNotNull();
    assertThat(first.tenantId()).isEqualTo("tenant-pub");
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.scope()).isEqualTo(AlertRuleSnapshot.Scope.tenant());
    assertThat(first.condition()).isEqualTo(Condition.threshold("battery", "LT", 15));
    assertThat(first.cooldownMillis()).isEqualTo(300_000);
    assertThat(records.get(1).snapshot().condition())
        .isEqualTo(Condition.threshold("anomaly_score", "GT", 0.8));
    assertThat(records.get(1).snapshot().version()).isEqualTo(2);
    assertThat(records.get(2).snapshot()).isNull();
  }
}
