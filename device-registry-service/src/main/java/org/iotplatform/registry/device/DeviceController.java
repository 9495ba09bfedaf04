package org.iotplatform.registry.device;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.iotplatform.registry.tenant.CurrentTenant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

  private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  private final DeviceManagement management;
  private final CurrentTenant tenant;
  private final GroupScopes groups;

  DeviceController(DeviceManagement management, CurrentTenant tenant, GroupScopes groups) {
    this.management = management;
    this.tenant = tenant;
    this.groups = groups;
  }

  @PostMapping
  ResponseEntity<DeviceResponse> create(@RequestBody CreateDeviceRequest request) {
    DeviceResponse created = management.create(tenant.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/devices/" + created.id()))
        .eTag(etag(created))
        .body(created);
  }

  @GetMapping("/{id}")
  ResponseEntity<DeviceResponse> get(@PathVariable String id) {
    DeviceResponse device = management.get(tenant.id(), id);
    return ResponseEntity.ok().eTag(etag(device)).body(device);
  }

  @PatchMapping(
      path = "/{id}",
      consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
  ResponseEntity<DeviceResponse> update(
      @PathVariable String id,
      @RequestBody UpdateDeviceRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    DeviceResponse updated =
        management.update(tenant.id(), id, request, DeviceValidation.ifMatch(ifMatch));
    return ResponseEntity.ok().eTag(etag(updated)).body(updated);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    management.delete(tenant.id(), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping
  DevicePage search(
      @RequestParam(required = false) @Nullable String type,
      @RequestParam(required = false) @Nullable DeviceStatus status,
      @RequestParam(required = false) @Nullable String firmware,
      @RequestParam(name = "label", required = false) @Nullable List<String> labels,
      @RequestParam(name = "q", required = false) @Nullable String text,
      @RequestParam(required = false) @Nullable Instant lastSeenFrom,
      @RequestParam(required = false) @Nullable Instant lastSeenTo,
      @RequestParam(required = false) @Nullable Double minLat,
      @RequestParam(required = false) @Nullable Double maxLat,
      @RequestParam(required = false) @Nullable Double minLon,
      @RequestParam(required = false) @Nullable Double maxLon,
      @RequestParam(required = false) @Nullable String group,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    DeviceValidation.lastSeenRange(lastSeenFrom, lastSeenTo);
    String tenantId = tenant.id();
    DeviceFilter filter =
        new DeviceFilter(
            type,
            status,
            firmware,
            DeviceValidation.labelFilters(labels),
            text == null || text.isBlank() ? null : text,
            lastSeenFrom,
            lastSeenTo,
            DeviceValidation.locationBox(minLat, maxLat, minLon, maxLon),
            group == null ? null : groups.scope(tenantId, group));
    return management.search(tenantId, filter, cursor, DeviceValidation.limit(limit));
  }

  private static String etag(DeviceResponse device) {
    return "\"" + device.version() + "\"";
  }
}
