package org.iotplatform.alerts.rule;

import java.net.URI;
import org.iotplatform.web.IfMatch;
import org.iotplatform.web.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/alert-rules}: the caller's tenant's alert rules. */
@RestController
@RequestMapping("/api/v1/alert-rules")
class RuleController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  private static final String BEARER = "Bearer ";

  private final RuleManagement rules;
  private final CurrentCaller caller;

  RuleController(RuleManagement rules, CurrentCaller caller) {
    this.rules = rules;
    this.caller = caller;
  }

  @PostMapping
  ResponseEntity<RuleResponse> create(
      @RequestBody RuleRequest request,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    RuleResponse created = rules.create(tenant(), request, token(authorization));
    return ResponseEntity.created(URI.create("/api/v1/alert-rules/" + created.id()))
        .eTag(etag(created))
        .body(created);
  }

  @GetMapping
  RulePage list(
      @RequestParam(required = false) @Nullable Boolean enabled,
      @RequestParam(required = false) @Nullable String severity,
      @RequestParam(required = false) @Nullable String deviceId,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      throw RuleError.invalid("limit", "must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    return rules.list(
        tenant(), enabled, severity, deviceId, cursor, limit == null ? DEFAULT_LIMIT : limit);
  }

  @GetMapping("/{id}")
  ResponseEntity<RuleResponse> get(@PathVariable String id) {
    RuleResponse rule = rules.get(tenant(), id);
    return ResponseEntity.ok().eTag(etag(rule)).body(rule);
  }

  @PutMapping("/{id}")
  ResponseEntity<RuleResponse> update(
      @PathVariable String id,
      @RequestBody RuleRequest request,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    RuleResponse rule =
        rules.update(
            tenant(),
            id,
            request,
            IfMatch.version(ifMatch, RuleError.RULE_INVALID),
            token(authorization));
    return ResponseEntity.ok().eTag(etag(rule)).body(rule);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id) {
    rules.delete(tenant(), id);
  }

  private String tenant() {
    return caller.get().tenant();
  }

  /** The caller's own token (already validated by the resource server), for the registry. */
  private static String token(String authorization) {
    return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? authorization.substring(BEARER.length()).strip()
        : authorization;
  }

  private static String etag(RuleResponse rule) {
    return "\"" + rule.version() + "\"";
  }
}
