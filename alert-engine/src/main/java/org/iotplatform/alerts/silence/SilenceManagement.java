package org.iotplatform.alerts.silence;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.iotplatform.alerts.GroupMembers;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists and deletes the silences of a tenant. A group scope is resolved through {@link
 * GroupMembers} (the registry) at creation: devices that join the group later are not silenced,
 * which keeps an alert's silencing independent of the registry being reachable.
 */
@Service
public class SilenceManagement {

  static final int MAX_DEVICES = 10_000;
  static final int MAX_COMMENT = 1_000;
  static final int MAX_LISTED = 500;

  private final SilenceRepository silences;
  private final GroupMembers groups;
  private final Clock clock;

  SilenceManagement(SilenceRepository silences, GroupMembers groups, ObjectProvider<Clock> clock) {
    this.silences = silences;
    this.groups = groups;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Transactional
  public SilenceResponse create(
      String tenantId, String subject, String bearerToken, SilenceRequest request) {
    Instant now = clock.instant();
    Instant startsAt = request.startsAt() == null ? now : request.startsAt();
    Instant endsAt = request.endsAt();
    if (endsAt == null || !endsAt.isAfter(startsAt) || !endsAt.isAfter(now)) {
      throw invalid("endsAt must be after startsAt and in the future.");
    }
    String comment = request.comment();
    if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT) {
      throw invalid("The comment is missing or too long.");
    }
    SilenceResponse silence =
        new SilenceResponse(
            UUID.randomUUID(),
            startsAt,
            endsAt,
            scope(request.scope(), bearerToken),
            comment,
            subject,
            now);
    silences.insert(tenantId, silence);
    return silence;
  }

  @Transactional(readOnly = true)
  public SilenceResponse get(String tenantId, UUID id) {
    return silences.find(tenantId, id).orElseThrow(() -> notFound(id));
  }

  /** The silences not yet ended (or all, with {@code includeEnded}), latest start first. */
  @Transactional(readOnly = true)
  public List<SilenceResponse> list(String tenantId, boolean includeEnded) {
    Instant after = includeEnded ? Instant.EPOCH : clock.instant();
    return silences.endingAfter(tenantId, after, MAX_LISTED);
  }

  /** Deletes a silence: alerts from now on are notified again; those it silenced stay marked. */
  @Transactional
  public void delete(String tenantId, UUID id) {
    if (!silences.delete(tenantId, id)) {
      throw notFound(id);
    }
  }

  private SilenceScope scope(SilenceRequest.@Nullable Scope scope, String bearerToken) {
    if (scope == null) {
      throw invalid("The scope is missing.");
    }
    List<String> deviceIds = scope.deviceIds();
    int kinds =
        (deviceIds == null ? 0 : 1)
            + (scope.group() == null ? 0 : 1)
            + (scope.ruleId() == null ? 0 : 1);
    if (kinds != 1) {
      throw invalid("The scope names " + kinds + " of deviceIds, group and ruleId.");
    }
    if (scope.ruleId() != null) {
      if (scope.ruleId().isBlank()) {
        throw invalid("The ruleId is blank.");
      }
      return new SilenceScope(List.of(), null, scope.ruleId());
    }
    if (scope.group() != null) {
      return new SilenceScope(members(scope.group(), bearerToken), scope.group(), null);
    }
    return new SilenceScope(devices(deviceIds), null, null);
  }

  private List<String> members(String group, String bearerToken) {
    List<String> deviceIds =
        groups
            .members(group, bearerToken)
            .orElseThrow(
                () ->
                    new ApiException(
                        SilenceError.SILENCE_GROUP_NOT_FOUND,
                        "The registry knows no group " + group + "."));
    return devices(deviceIds);
  }

  private static List<String> devices(@Nullable List<String> deviceIds) {
    if (deviceIds == null
        || deviceIds.isEmpty()
        || deviceIds.size() > MAX_DEVICES
        || deviceIds.stream().anyMatch(id -> id == null || id.isBlank())) {
      throw invalid("deviceIds must hold 1 to " + MAX_DEVICES + " device ids.");
    }
    return List.copyOf(new LinkedHashSet<>(deviceIds));
  }

  private static ApiException invalid(String problem) {
    return new ApiException(SilenceError.SILENCE_INVALID, problem);
  }

  private static ApiException notFound(UUID id) {
    return new ApiException(
        SilenceError.SILENCE_NOT_FOUND, "There is no silence " + id + " in your tenant.");
  }
}
