package org.iotplatform.alerts.rule;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.iotplatform.alerts.GroupMembers;
import org.iotplatform.alerts.channel.ChannelManagement;
import org.iotplatform.alerts.channel.RuleChannelsChanged;
import org.iotplatform.alerts.directory.DeviceDirectory;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.outbox.Outbox;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of a tenant. Every change writes the rule's new snapshot (or a tombstone) to the outbox
 * in the same transaction, so that what Flink evaluates follows what is stored, in order per rule.
 */
@Service
public class RuleManagement {

  private final RuleRepository rules;
  private final Outbox outbox;
  private final DeviceDirectory directory;
  private final GroupMembers groups;
  private final ChannelManagement channels;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();

  RuleManagement(
      RuleRepository rules,
      Outbox outbox,
      DeviceDirectory directory,
      GroupMembers groups,
      ChannelManagement channels,
      ApplicationEventPublisher events,
      TransactionTemplate transactions) {
    this.rules = rules;
    this.transactions = transactions;
    this.outbox = outbox;
    this.directory = directory;
    this.groups = groups;
    this.channels = channels;
    this.events = events;
  }

  /**
   * Creates a rule. A group is resolved before the transaction starts, so that no database
   * connection waits for the registry.
   *
   * @param bearerToken the caller's token, forwarded to the registry to resolve a group
   */
  public RuleResponse create(String tenantId, RuleRequest request, String bearerToken) {
    RuleValidation.ValidRule valid = RuleValidation.validate(request);
    List<String> members = groupMembers(valid.scope(), bearerToken);
    return inTransaction(
        () -> {
          ScopeResolution scope = check(tenantId, valid, members);
          Instant now = now();
          StoredRule rule = stored(UUID.randomUUID(), tenantId, valid, scope, 1, now, now);
          rules.insert(rule);
          published(rule);
          return rule.toResponse();
        });
  }

  @Transactional(readOnly = true)
  public RuleResponse get(String tenantId, String id) {
    return find(tenantId, id).toResponse();
  }

  @Transactional(readOnly = true)
  public RulePage list(
      String tenantId,
      @Nullable Boolean enabled,
      @Nullable String severity,
      @Nullable String deviceId,
      @Nullable String cursor,
      int limit) {
    String severityFilter = null;
    if (severity != null) {
      severityFilter = severity.toUpperCase(Locale.ROOT);
      if (!AlertRuleSnapshot.SEVERITIES.contains(severityFilter)) {
        throw RuleError.invalid(
            "severity", "must be LOW, MEDIUM, HIGH or CRITICAL, got " + severity);
      }
    }
    UUID after = cursor == null ? null : RuleCursor.decode(cursor).afterId();
    List<StoredRule> page =
        rules.page(tenantId, new RuleFilter(enabled, severityFilter, deviceId), after, limit + 1);
    boolean more = page.size() > limit;
    List<StoredRule> items = more ? page.subList(0, limit) : page;
    return new RulePage(
        items.stream().map(StoredRule::toResponse).toList(),
        more ? new RuleCursor(items.get(limit - 1).id()).encode() : null);
  }

  /**
   * Replaces the rule; a GROUP scope's members are resolved again.
   *
   * @param ifMatch the version the caller last read, or null to replace whatever is stored
   */
  public RuleResponse update(
      String tenantId, String id, RuleRequest request, @Nullable Long ifMatch, String bearerToken) {
    // Another tenant's rule is a 404 whatever the body says, and before the registry is asked.
    find(tenantId, id);
    RuleValidation.ValidRule valid = RuleValidation.validate(request);
    List<String> members = groupMembers(valid.scope(), bearerToken);
    return inTransaction(() -> replace(tenantId, id, valid, members, ifMatch));
  }

  private RuleResponse replace(
      String tenantId,
      String id,
      RuleValidation.ValidRule valid,
      List<String> members,
      @Nullable Long ifMatch) {
    StoredRule current = find(tenantId, id);
    if (ifMatch != null && ifMatch != current.version()) {
      throw conflict(id, ifMatch, current.version());
    }
    ScopeResolution scope = check(tenantId, valid, members);
    StoredRule rule =
        stored(
            current.id(),
            tenantId,
            valid,
            scope,
            current.version() + 1,
            current.createdAt(),
            now());
    if (!rules.update(rule, current.version())) {
      throw conflict(id, current.version(), current.version() + 1);
    }
    published(rule);
    return rule.toResponse();
  }

  @Transactional
  public void delete(String tenantId, String id) {
    StoredRule rule = find(tenantId, id);
    rules.delete(tenantId, rule.id());
    outbox.append(aggregate(rule), KafkaTopics.ALERT_RULES, rule.id().toString(), null);
    events.publishEvent(new RuleChannelsChanged(tenantId, rule.id().toString()));
  }

  private void published(StoredRule rule) {
    outbox.append(
        aggregate(rule),
        KafkaTopics.ALERT_RULES,
        rule.id().toString(),
        RuleJson.snapshot(rule.toSnapshot()));
    events.publishEvent(new RuleChannelsChanged(rule.tenantId(), rule.id().toString()));
  }

  /** The checks that need the directory, the registry and the channels. */
  private ScopeResolution check(
      String tenantId, RuleValidation.ValidRule valid, List<String> members) {
    ScopeResolution scope = resolve(tenantId, valid.scope(), members);
    Set<String> unknownMetrics =
        MetricCheck.unknown(
            ConditionMapper.metrics(valid.condition()),
            directory.declaredMetrics(tenantId, scope.types()));
    if (!unknownMetrics.isEmpty()) {
      throw new ApiException(
          RuleError.RULE_UNKNOWN_METRIC,
          "No device type in the rule's scope ("
              + String.join(", ", scope.types().stream().sorted().toList())
              + ") declares "
              + String.join(", ", unknownMetrics)
              + ".");
    }
    Set<String> unknownChannels = channels.unknown(tenantId, valid.channels());
    if (!unknownChannels.isEmpty()) {
      throw new ApiException(
          RuleError.RULE_UNKNOWN_CHANNEL,
          "Your tenant has no channel "
              + String.join(", ", unknownChannels.stream().sorted().toList())
              + ".");
    }
    return scope;
  }

  /** A GROUP scope's members as the registry lists them now; empty for the other scopes. */
  private List<String> groupMembers(ScopeBody scope, String bearerToken) {
    if (!ScopeBody.GROUP.equals(scope.kind())) {
      return List.of();
    }
    String group = String.valueOf(scope.group());
    List<String> members =
        groups
            .members(group, bearerToken)
            .orElseThrow(
                () ->
                    new ApiException(
                        RuleError.RULE_UNKNOWN_GROUP,
                        "The registry knows no group " + group + " in your tenant."));
    if (members.isEmpty()) {
      throw new ApiException(RuleError.RULE_UNKNOWN_GROUP, "Group " + group + " has no devices.");
    }
    return members;
  }

  private <T> T inTransaction(Supplier<T> work) {
    T result = transactions.execute(status -> work.get());
    return Objects.requireNonNull(result);
  }

  private ScopeResolution resolve(String tenantId, ScopeBody scope, List<String> members) {
    String kind = String.valueOf(scope.kind());
    return switch (kind) {
      case ScopeBody.DEVICE -> {
        String deviceId = String.valueOf(scope.deviceId());
        Optional<String> type = directory.typeOf(tenantId, deviceId);
        if (type.isEmpty()) {
          throw new ApiException(
              RuleError.RULE_UNKNOWN_DEVICE, "Your tenant has no device " + deviceId + ".");
        }
        yield new ScopeResolution(List.of(deviceId), Set.of(type.get()));
      }
      case ScopeBody.GROUP -> new ScopeResolution(members, directory.typesOf(tenantId, members));
      case ScopeBody.TYPE ->
          new ScopeResolution(List.of(), Set.of(String.valueOf(scope.deviceType())));
      case ScopeBody.LABELS ->
          new ScopeResolution(
              List.of(),
              directory.typesWithLabels(
                  tenantId, scope.labels() == null ? Map.of() : scope.labels()));
      default -> new ScopeResolution(List.of(), directory.typesOfTenant(tenantId));
    };
  }

  private static StoredRule stored(
      UUID id,
      String tenantId,
      RuleValidation.ValidRule valid,
      ScopeResolution scope,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    return new StoredRule(
        id,
        tenantId,
        valid.name(),
        valid.description(),
        valid.scope(),
        scope.deviceIds(),
        valid.condition(),
        valid.severity(),
        valid.cooldownMillis(),
        valid.enabled(),
        valid.channels(),
        version,
        createdAt,
        updatedAt);
  }

  private StoredRule find(String tenantId, String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
    return rules.find(tenantId, uuid).orElseThrow(() -> notFound(id));
  }

  private static ApiException notFound(String id) {
    return new ApiException(RuleError.RULE_NOT_FOUND, "No rule " + id + " in your tenant.");
  }

  private static ApiException conflict(String id, long named, long current) {
    return new ApiException(
        RuleError.RULE_VERSION_CONFLICT,
        "Rule " + id + " is at version " + current + ", not " + named + ".");
  }

  private static String aggregate(StoredRule rule) {
    return "rule:" + rule.tenantId() + "/" + rule.id();
  }

  private Instant now() {
    // Microseconds: what PostgreSQL keeps, so that answers match later reads.
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
