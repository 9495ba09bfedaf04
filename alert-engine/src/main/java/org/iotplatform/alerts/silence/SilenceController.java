package org.iotplatform.alerts.silence;

import java.net.URI;
import java.util.UUID;
import org.iotplatform.web.ApiException;
import org.iotplatform.web.security.Caller;
import org.iotplatform.web.security.CurrentCaller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's silences (maintenance windows). */
@RestController
@RequestMapping("/api/v1/silences")
class SilenceController {

  private static final String BEARER = "Bearer ";

  private final SilenceManagement management;
  private final CurrentCaller caller;

  SilenceController(SilenceManagement management, CurrentCaller caller) {
    this.management = management;
    this.caller = caller;
  }

  /** The caller's own token is forwarded to the registry to resolve a group scope. */
  @PostMapping
  ResponseEntity<SilenceResponse> create(
      @RequestBody SilenceRequest request,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    Caller current = caller.get();
    String token =
        authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? authorization.substring(BEARER.length())
            : authorization;
    SilenceResponse created =
        management.create(current.tenant(), current.subject(), token, request);
    return ResponseEntity.created(URI.create("/api/v1/silences/" + created.id())).body(created);
  }

  /**
   * Silences not yet ended, latest start first (at most 500); {@code includeEnded} adds the rest.
   */
  @GetMapping
  SilenceList list(@RequestParam(defaultValue = "false") boolean includeEnded) {
    return new SilenceList(management.list(caller.get().tenant(), includeEnded));
  }

  @GetMapping("/{id}")
  SilenceResponse get(@PathVariable String id) {
    return management.get(caller.get().tenant(), uuid(id));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    management.delete(caller.get().tenant(), uuid(id));
    return ResponseEntity.noContent().build();
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          SilenceError.SILENCE_NOT_FOUND, "There is no silence " + id + " in your tenant.");
    }
  }
}
