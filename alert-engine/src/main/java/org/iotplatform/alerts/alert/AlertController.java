package org.iotplatform.alerts.alert;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.web.ApiException;
import org.iotplatform.web.security.Caller;
import org.iotplatform.web.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's alerts. {@code {id}} is the instance's UUID (the evaluator's alertId contains
 * slashes); an id that is no UUID, or another tenant's, is a 404.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 500;

  private final AlertManagement management;
  private final CurrentCaller caller;

  AlertController(AlertManagement management, CurrentCaller caller) {
    this.management = management;
    this.caller = caller;
  }

  @GetMapping
  AlertPage list(
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String severity,
      @RequestParam(required = false) @Nullable String ruleId,
      @RequestParam(required = false) @Nullable String deviceId,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    AlertFilter filter =
        new AlertFilter(
            state(state),
            severity(severity),
            ruleId,
            deviceId,
            instant("from", from),
            instant("to", to));
    return management.list(caller.get().tenant(), filter, cursor, limit(limit));
  }

  @GetMapping("/{id}")
  AlertDetails get(@PathVariable String id) {
    return management.get(caller.get().tenant(), uuid(id));
  }

  @PostMapping("/{id}/acknowledge")
  AlertResponse acknowledge(
      @PathVariable String id, @RequestBody(required = false) @Nullable AcknowledgeRequest body) {
    Caller current = caller.get();
    return management.acknowledge(
        current.tenant(), uuid(id), current.subject(), body == null ? null : body.note());
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          AlertError.ALERT_NOT_FOUND, "There is no alert " + id + " in your tenant.");
    }
  }

  private static @Nullable AlertState state(@Nullable String state) {
    if (state == null) {
      return null;
    }
    try {
      return AlertState.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("Unknown state " + state + ".");
    }
  }

  private static @Nullable String severity(@Nullable String severity) {
    if (severity == null) {
      return null;
    }
    String upper = severity.toUpperCase(Locale.ROOT);
    if (!AlertRuleSnapshot.SEVERITIES.contains(upper)) {
      throw invalid("Unknown severity " + severity + ".");
    }
    return upper;
  }

  private static @Nullable Instant instant(String name, @Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name + " is not an ISO-8601 instant: " + value + ".");
    }
  }

  private static int limit(@Nullable Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw invalid("limit must be 1 to " + MAX_LIMIT + ", got " + limit + ".");
    }
    return limit;
  }

  private static ApiException invalid(String problem) {
    return new ApiException(AlertError.ALERT_INVALID_FILTER, problem);
  }
}
