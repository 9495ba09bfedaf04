package org.iotplatform.flink.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.iotplatform.contracts.AlertRuleSnapshot.Scope;
import org.junit.jupiter.api.Test;

class AlertRuleDeserializerTest {

  private final AlertRuleDeserializer underTest = new AlertRuleDeserializer();

  @Test
  void readsTheContractsExampleIntoAnUpdateThatReadsBackEqual() {
    String json =
        """
        {"ruleId":"5d0c","tenantId":"default","name":"Freezer too warm","version":3,
        "enabled":true,"severity":"HIGH","scope":{"kind":"TYPE","deviceIds":[],"deviceType":"freezer",
        "labels":{},"group":null},"condition":{"type":"THRESHOLD","metric":"temperature",
        "operator":"GT","value":-15.0,"upper":null,"consecutive":3,"sustainForMillis":0,
        "hysteresis":0.5,"afterMillis":0,"conditions":[]},"cooldownMillis":300000,
        "updatedAt":"2026-11-22T13:00:00Z","future":"ignored"}""";

    RuleUpdate update = underTest.toUpdate(bytes("5d0c"), bytes(json));

    assertThat(update).isNotNull();
    assertThat(update.ruleId()).isEqualTo("5d0c");
    assertThat(update.version()).isEqualTo(3);
    AlertRuleSnapshot snapshot = new RuleJson().read(update.snapshotJson());
    assertThat(snapshot.scope()).isEqualTo(Scope.type("freezer"));
    assertThat(snapshot.condition().hysteresis()).isEqualTo(0.5);
    assertThat(snapshot.cooldownMillis()).isEqualTo(300_000);
  }

  @Test
  void readsATombstone() {
    assertThat(underTest.toUpdate(bytes("r-1"), null)).isEqualTo(RuleUpdate.tombstone("r-1"));
  }

  @Test
  void skipsRecordsThatAreNotAValidRuleOfTheKey() {
    AlertRuleSnapshot valid =
        TestRules.rule("r-1", Scope.tenant(), Condition.threshold("t", "GT", 1));
    String json = new RuleJson().write(valid);

    assertThat(underTest.toUpdate(bytes("r-1"), bytes(json))).isNotNull();
    assertThat(underTest.toUpdate(bytes("r-2"), bytes(json))).as("another key").isNull();
    assertThat(underTest.toUpdate(null, bytes(json))).as("no key").isNull();
    assertThat(underTest.toUpdate(bytes("r-1"), bytes("{\"ruleId\":"))).as("not JSON").isNull();
    assertThat(underTest.toUpdate(bytes("r-1"), bytes("{\"ruleId\":\"r-1\"}")))
        .as("incomplete")
        .isNull();
    assertThat(
            underTest.toUpdate(
                bytes("r-1"),
                bytes(write(TestRules.rule("r-1", Scope.tenant(), Condition.all(List.of()))))))
        .as("empty composite")
        .isNull();
    assertThat(
            underTest.toUpdate(
                bytes("r-1"),
                bytes(
                    write(
                        TestRules.rule(
                            "r-1", Scope.tenant(), TestRules.threshold("t", "NE", 1, 1, 0, 2))))))
        .as("!= with hysteresis")
        .isNull();
  }

  private static String write(AlertRuleSnapshot snapshot) {
    return new RuleJson().write(snapshot);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
