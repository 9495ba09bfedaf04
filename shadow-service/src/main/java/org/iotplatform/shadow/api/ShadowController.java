package org.iotplatform.shadow.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.iotplatform.shadow.document.ShadowDocument;
import org.iotplatform.shadow.document.ShadowMessages;
import org.iotplatform.shadow.document.ShadowRejectedException;
import org.iotplatform.shadow.document.ShadowRejection;
import org.iotplatform.shadow.document.ShadowUpdate;
import org.iotplatform.shadow.management.Actor;
import org.iotplatform.shadow.management.ShadowChange;
import org.iotplatform.shadow.management.ShadowManagement;
import org.iotplatform.shadow.store.ShadowKey;
import org.iotplatform.shadow.store.ShadowStore;
import org.iotplatform.web.IfMatch;
import org.iotplatform.web.security.Caller;
import org.iotplatform.web.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators read a device's shadows, set desired state and delete shadows. The classic shadow is
 * {@code /api/v1/devices/{id}/shadow}, a named one {@code /api/v1/devices/{id}/shadows/{name}};
 * documents have the shape of {@code /get/accepted}, and their ETag is the version, which {@code
 * If-Match} may name to refuse a change made meanwhile (409). A device of another tenant is a 404.
 */
@RestController
@RequestMapping(path = "/api/v1/devices/{deviceId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Shadows")
class ShadowController {

  private static final int MAX_HISTORY = 100;

  private final ShadowManagement shadows;
  private final ShadowStore store;
  private final CurrentCaller caller;

  ShadowController(ShadowManagement shadows, ShadowStore store, CurrentCaller caller) {
    this.shadows = shadows;
    this.store = store;
    this.caller = caller;
  }

  @GetMapping("/shadow")
  @Operation(summary = "The device's classic shadow with its delta")
  ResponseEntity<String> get(@PathVariable String deviceId) {
    return document(key(deviceId, null));
  }

  @GetMapping("/shadows/{name}")
  @Operation(summary = "A named shadow with its delta")
  ResponseEntity<String> getNamed(@PathVariable String deviceId, @PathVariable String name) {
    return document(key(deviceId, name));
  }

  @PatchMapping(path = "/shadow", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Merge desired state into the classic shadow",
      description =
          "Body {\"state\":{\"desired\":{...}},\"version\":N,\"clientToken\":\"...\"}; null deletes"
              + " a key, \"desired\":null clears the desired state. The device gets the delta.")
  ResponseEntity<String> patch(
      @PathVariable String deviceId,
      @RequestBody String body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return patch(key(deviceId, null), body, ifMatch);
  }

  @PatchMapping(path = "/shadows/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Merge desired state into a named shadow")
  ResponseEntity<String> patchNamed(
      @PathVariable String deviceId,
      @PathVariable String name,
      @RequestBody String body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return patch(key(deviceId, name), body, ifMatch);
  }

  @DeleteMapping("/shadow")
  @Operation(summary = "Delete the classic shadow")
  ResponseEntity<Void> delete(
      @PathVariable String deviceId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return delete(key(deviceId, null), ifMatch);
  }

  @DeleteMapping("/shadows/{name}")
  @Operation(summary = "Delete a named shadow")
  ResponseEntity<Void> deleteNamed(
      @PathVariable String deviceId,
      @PathVariable String name,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return delete(key(deviceId, name), ifMatch);
  }

  @GetMapping("/shadow/history")
  @Operation(summary = "The classic shadow's latest documents, newest first")
  HistoryResponse history(
      @PathVariable String deviceId, @RequestParam(defaultValue = "20") int limit) {
    return history(key(deviceId, null), limit);
  }

  @GetMapping("/shadows/{name}/history")
  @Operation(summary = "A named shadow's latest documents, newest first")
  HistoryResponse historyNamed(
      @PathVariable String deviceId,
      @PathVariable String name,
      @RequestParam(defaultValue = "20") int limit) {
    return history(key(deviceId, name), limit);
  }

  @GetMapping("/shadows")
  @Operation(summary = "The device's shadows: the classic one (name null) and its named ones")
  ShadowListResponse list(@PathVariable String deviceId) {
    ownDevice(deviceId);
    return new ShadowListResponse(
        shadows.shadowsOf(deviceId).stream()
            .map(key -> new ShadowListResponse.Item(key.shadowName()))
            .toList());
  }

  private ResponseEntity<String> document(ShadowKey key) {
    ShadowDocument document = shadows.get(key);
    return ResponseEntity.ok()
        .eTag(etag(document))
        .body(ShadowMessages.getAccepted(document, null));
  }

  private ResponseEntity<String> patch(ShadowKey key, String body, @Nullable String ifMatch) {
    ShadowUpdate parsed = ShadowUpdate.parse(body);
    if (parsed.reported() != null) {
      throw new ShadowRejectedException(
          ShadowRejection.INVALID_UPDATE,
          "Operators set desired state only; the device reports its state itself.");
    }
    Long version = IfMatch.version(ifMatch, ShadowRejection.INVALID_UPDATE);
    ShadowUpdate update =
        version == null
            ? parsed
            : new ShadowUpdate(
                parsed.desired(), parsed.clearsDesired(), null, version, parsed.clientToken());
    // key(...) checked that the caller's tenant owns the device.
    Caller who = caller.get();
    ShadowChange change = shadows.update(key, who.tenant(), update, Actor.operator(who.subject()));
    return ResponseEntity.ok()
        .eTag(etag(change.current()))
        .body(ShadowMessages.getAccepted(change.current(), update.clientToken()));
  }

  private ResponseEntity<Void> delete(ShadowKey key, @Nullable String ifMatch) {
    Long version = IfMatch.version(ifMatch, ShadowRejection.INVALID_UPDATE);
    Caller who = caller.get();
    shadows.delete(key, who.tenant(), version, null, Actor.operator(who.subject()));
    return ResponseEntity.noContent().build();
  }

  private HistoryResponse history(ShadowKey key, int limit) {
    if (limit < 1 || limit > MAX_HISTORY) {
      throw new ShadowRejectedException(
          ShadowRejection.INVALID_UPDATE, "limit must be 1 to " + MAX_HISTORY + ", not " + limit);
    }
    List<ShadowDocument> documents = shadows.history(key, limit);
    return new HistoryResponse(
        documents.stream().map(d -> HistoryResponse.Item.of(d.toJson())).toList());
  }

  /** The shadow's key once the caller's tenant is known to own the device. */
  private ShadowKey key(String deviceId, @Nullable String name) {
    ownDevice(deviceId);
    try {
      return new ShadowKey(deviceId, name);
    } catch (IllegalArgumentException e) {
      throw new ShadowRejectedException(ShadowRejection.NOT_FOUND, e.getMessage() + ".");
    }
  }

  /** Refuses a device the caller's tenant does not own, as not found. */
  private void ownDevice(String deviceId) {
    String tenant = caller.get().tenant();
    if (!store.tenantOf(deviceId).map(tenant::equals).orElse(false)) {
      throw new ShadowRejectedException(
          ShadowRejection.NOT_FOUND, "Your tenant has no device " + deviceId + ".");
    }
  }

  private static String etag(ShadowDocument document) {
    return "\"" + document.version() + "\"";
  }
}
