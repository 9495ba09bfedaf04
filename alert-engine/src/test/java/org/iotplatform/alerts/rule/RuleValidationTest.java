package org.iotplatform.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RuleValidationTest {

  @Test
  void acceptsARuleAndFillsTheDefaults() {
    RuleValidation.ValidRule underTest =
        RuleValidation.validate(
            request(new ScopeBody("tenant", "ignored", null, null, null), "high", null));

    assertThat(underTest.severity()).isEqualTo("HIGH");
    assertThat(underTest.enabled()).isTrue();
    assertThat(underTest.cooldownMillis()).isZero();
    assertThat(underTest.channels()).isEmpty();
    assertThat(underTest.scope()).isEqualTo(new ScopeBody("TENANT", null, null, null, null));
  }

  @Test
  void parsesTheCooldown() {
    RuleValidation.ValidRule underTest =
        RuleValidation.validate(request(tenantScope(), "LOW", "PT5M"));

    assertThat(underTest.cooldownMillis()).isEqualTo(300_000);
  }

  @Test
  void refusesAnUnknownSeverity() {
    assertInvalid(request(tenantScope(), "URGENT", null), "severity");
  }

  @Test
  void refusesANegativeCooldown() {
    assertInvalid(request(tenantScope(), "LOW", "-PT1S"), "cooldown");
  }

  @Test
  void refusesADeviceScopeWithoutADeviceId() {
    assertInvalid(
        request(new ScopeBody("DEVICE", null, null, null, null), "LOW", null), "scope.deviceId");
  }

  @Test
  void refusesALabelScopeWithoutLabels() {
    assertInvalid(
        request(new ScopeBody("LABELS", null, null, null, Map.of()), "LOW", null), "scope.labels");
  }

  @Test
  void refusesAnUnknownScopeKind() {
    assertInvalid(
        request(new ScopeBody("PLANET", null, null, null, null), "LOW", null), "scope.kind");
  }

  @Test
  void refusesAChannelNamedTwice() {
    RuleRequest twice =
        new RuleRequest(
            "rule",
            null,
            tenantScope(),
            ConditionMapperTest.threshold("GT", 1.0, null),
            "LOW",
            null,
            null,
            List.of("a", "a"));

    assertInvalid(twice, "channels");
  }

  private static ScopeBody tenantScope() {
    return new ScopeBody("TENANT", null, null, null, null);
  }

  private static RuleRequest request(ScopeBody scope, String severity, @Nullable String cooldown) {
    return new RuleRequest(
        "Too warm",
        null,
        scope,
        ConditionMapperTest.threshold("GT", 30.0, null),
        severity,
        cooldown,
        null,
        null);
  }

  private static void assertInvalid(RuleRequest request, String field) {
    assertThatThrownBy(() -> RuleValidation.validate(request))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.getBody().getProperties()).containsEntry("field", field));
  }
}
