package org.iotplatform.flink.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.flink.alerting.rules.TestRules.TENANT;

import java.util.ArrayList;
import java.util.List;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.iotplatform.contracts.AlertRuleSnapshot.Scope;
import org.junit.jupiter.api.Test;

class RuleIndexTest {

  private final RuleIndex underTest = new RuleIndex();

  @Test
  void findsOnlyTheEnabledRulesOfTheTenantWatchingTheMetricAndMaybeTheDevice() {
    underTest.put(compiled("tenant-wide", Scope.tenant(), "t"));
    underTest.put(compiled("for-d1", Scope.device("d-1"), "t"));
    underTest.put(compiled("for-d2", Scope.device("d-2"), "t"));
    underTest.put(compiled("humidity", Scope.tenant(), "h"));
    underTest.put(
        CompiledRule.of(
            TestRules.disabled(
                TestRules.rule("off", Scope.tenant(), Condition.threshold("t", "GT", 1)))));

    assertThat(ids(TENANT, "d-1", "t")).containsExactlyInAnyOrder("tenant-wide", "for-d1");
    assertThat(ids("other", "d-1", "t")).isEmpty();
    assertThat(underTest.get("off")).isNotNull();
    assertThat(underTest.size()).isEqualTo(5);
  }

  @Test
  void findsACompositeOncePerReadingAndForgetsRemovedRules() {
    CompiledRule both =
        CompiledRule.of(
            TestRules.rule(
                "both",
                Scope.tenant(),
                Condition.any(
                    List.of(
                        Condition.threshold("t", "GT", 1), Condition.threshold("h", "GT", 1)))));
    underTest.put(both);
    List<CompiledRule> found = new ArrayList<>();
    underTest.collect(TENANT, "d-1", "t", found);
    underTest.collect(TENANT, "d-1", "h", found);
    assertThat(found).containsExactly(both);

    underTest.remove("both");

    assertThat(ids(TENANT, "d-1", "t")).isEmpty();
    assertThat(underTest.get("both")).isNull();
  }

  @Test
  void keepsOfflineRulesApart() {
    underTest.put(CompiledRule.of(TestRules.rule("off", Scope.tenant(), Condition.offline(1_000))));

    List<CompiledRule> offline = new ArrayList<>();
    underTest.collectOffline(TENANT, "d-1", offline);

    assertThat(offline).extracting(CompiledRule::ruleId).containsExactly("off");
  }

  private List<String> ids(String tenant, String device, String metric) {
    List<CompiledRule> out = new ArrayList<>();
    underTest.collect(tenant, device, metric, out);
    return out.stream().map(CompiledRule::ruleId).toList();
  }

  private static CompiledRule compiled(String id, Scope scope, String metric) {
    return CompiledRule.of(TestRules.rule(id, scope, Condition.threshold(metric, "GT", 1)));
  }
}
