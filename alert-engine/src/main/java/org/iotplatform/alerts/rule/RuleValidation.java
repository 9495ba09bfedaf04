package org.iotplatform.alerts.rule;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.jspecify.annotations.Nullable;

/**
 * Checks a rule request field by field, without asking anyone (the directory, the registry and the
 * channels are asked afterwards, by {@link RuleManagement}); each refusal is a 400 naming the
 * field.
 */
final class RuleValidation {

  static final int MAX_CHANNELS = 10;
  static final int MAX_LABELS = 20;

  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RuleValidation() {}

  /** A request that passed: the scope normalised (only its kind's fields), the tree expanded. */
  record ValidRule(
      String name,
      @Nullable String description,
      ScopeBody scope,
      Condition condition,
      String severity,
      long cooldownMillis,
      boolean enabled,
      List<String> channels) {}

  static ValidRule validate(RuleRequest request) {
    String name = request.name();
    if (name == null || name.isBlank() || name.length() > 200) {
      throw RuleError.invalid("name", "must be 1 to 200 characters");
    }
    String description = request.description();
    if (description != null && description.length() > 2000) {
      throw RuleError.invalid("description", "must be at most 2000 characters");
    }
    ScopeBody scope = scope(request.scope());
    Condition condition = ConditionMapper.toCondition(request.condition());
    return new ValidRule(
        name.strip(),
        description,
        scope,
        condition,
        severity(request.severity()),
        ConditionMapper.millis(request.cooldown(), "cooldown"),
        request.enabled() == null || request.enabled(),
        channels(request.channels()));
  }

  private static String severity(@Nullable String severity) {
    String upper = severity == null ? "" : severity.toUpperCase(Locale.ROOT);
    if (!AlertRuleSnapshot.SEVERITIES.contains(upper)) {
      throw RuleError.invalid("severity", "must be LOW, MEDIUM, HIGH or CRITICAL, got " + severity);
    }
    return upper;
  }

  private static List<String> channels(@Nullable List<String> channels) {
    if (channels == null) {
      return List.of();
    }
    if (channels.stream().anyMatch(Objects::isNull)) {
      throw RuleError.invalid("channels", "must not contain null");
    }
    LinkedHashSet<String> distinct = new LinkedHashSet<>(channels);
    if (distinct.size() != channels.size()) {
      throw RuleError.invalid("channels", "names a channel twice");
    }
    if (channels.size() > MAX_CHANNELS) {
      throw RuleError.invalid("channels", "must name at most " + MAX_CHANNELS + " channels");
    }
    return List.copyOf(channels);
  }

  private static ScopeBody scope(@Nullable ScopeBody scope) {
    if (scope == null) {
      throw RuleError.invalid("scope", "is required");
    }
    String kind = scope.kind() == null ? "" : scope.kind().toUpperCase(Locale.ROOT);
    return switch (kind) {
      case ScopeBody.DEVICE -> {
        String deviceId = scope.deviceId();
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
          throw RuleError.invalid(
              "scope.deviceId", "must be a device id (1 to 64 of letters, digits, . _ -)");
        }
        yield new ScopeBody(kind, deviceId, null, null, null);
      }
      case ScopeBody.GROUP -> {
        String group = scope.group();
        if (group == null || group.isBlank() || group.length() > 200) {
          throw RuleError.invalid("scope.group", "must name a group (its name or id)");
        }
        yield new ScopeBody(kind, null, group, null, null);
      }
      case ScopeBody.TYPE -> {
        String type = scope.deviceType();
        if (type == null || type.isBlank() || type.length() > 200) {
          throw RuleError.invalid("scope.deviceType", "must name a device type");
        }
        yield new ScopeBody(kind, null, null, type, null);
      }
      case ScopeBody.LABELS -> {
        Map<String, String> labels = scope.labels();
        if (labels == null || labels.isEmpty() || labels.size() > MAX_LABELS) {
          throw RuleError.invalid(
              "scope.labels", "must hold 1 to " + MAX_LABELS + " labels a device must carry");
        }
        if (labels.entrySet().stream()
            .anyMatch(label -> label.getKey() == null || label.getValue() == null)) {
          throw RuleError.invalid("scope.labels", "must not hold null keys or values");
        }
        yield new ScopeBody(kind, null, null, null, Map.copyOf(labels));
      }
      case ScopeBody.TENANT -> new ScopeBody(kind, null, null, null, null);
      default ->
          throw RuleError.invalid(
              "scope.kind", "must be DEVICE, GROUP, TYPE, LABELS or TENANT, got " + scope.kind());
    };
  }
}
