package org.iotplatform.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.junit.jupiter.api.Test;

class RuleJsonTest {

  private static final Instant T0 = Instant.parse("2026-11-22T13:00:00Z");

  @Test
  void writesAGroupRuleAsItsMembersWithTheContractsFieldsOnly() {
    StoredRule rule =
        new StoredRule(
            UUID.fromString("5d0c0000-0000-0000-0000-000000000001"),
            "default",
            "Freezers",
            null,
            new ScopeBody("GROUP", null, "freezers", null, null),
            List.of("f-1", "f-2"),
            Condition.any(List.of(Condition.threshold("temperature", "GT", -15))),
            "HIGH",
            300_000,
            true,
            List.of(),
            3,
            T0,
            T0);

    byte[] json = RuleJson.snapshot(rule.toSnapshot());
    String text = new String(json, StandardCharsets.UTF_8);

    assertThat(text)
        .contains("\"updatedAt\":\"2026-11-22T13:00:00Z\"")
        .contains("\"kind\":\"DEVICES\"")
        .contains("\"group\":\"freezers\"")
        .doesNotContain("wellFormed");
    AlertRuleSnapshot read = RuleJson.readSnapshot(json);
    assertThat(read).isEqualTo(rule.toSnapshot());
    assertThat(read.scope().deviceIds()).containsExactly("f-1", "f-2");
    assertThat(read.condition().isWellFormed()).isTrue();
  }

  @Test
  void readsBackAStoredCondition() {
    Condition condition =
        new Condition("THRESHOLD", "temperature", "BETWEEN", 1.0, 2.0, 2, 1000, 0.1, 0, List.of());

    assertThat(RuleJson.condition(RuleJson.write(condition))).isEqualTo(condition);
  }
}
