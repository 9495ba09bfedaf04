package org.iotplatform.registry.group;

import java.net.URI;
import org.iotplatform.registry.device.DevicePage;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Groups and their members; {@code {group}} in a path is a group's name or its id. */
@RestController
@RequestMapping("/api/v1/groups")
class GroupController {

  private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  private final GroupManagement management;
  private final CurrentTenant tenant;

  GroupController(GroupManagement management, CurrentTenant tenant) {
    this.management = management;
    this.tenant = tenant;
  }

  @PostMapping
  ResponseEntity<GroupResponse> create(@RequestBody CreateGroupRequest request) {
    GroupResponse created = management.create(tenant.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/groups/" + created.id()))
        .eTag(etag(created))
        .body(created);
  }

  @GetMapping
  GroupPage list(
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    return management.list(tenant.id(), cursor, GroupValidation.limit(limit));
  }

  @GetMapping("/{group}")
  ResponseEntity<GroupResponse> get(@PathVariable String group) {
    GroupResponse found = management.get(tenant.id(), group);
    return ResponseEntity.ok().eTag(etag(found)).body(found);
  }

  @PatchMapping(
      path = "/{group}",
      consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
  ResponseEntity<GroupResponse> update(
      @PathVariable String group,
      @RequestBody UpdateGroupRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    GroupResponse updated =
        management.update(tenant.id(), group, request, GroupValidation.ifMatch(ifMatch));
    return ResponseEntity.ok().eTag(etag(updated)).body(updated);
  }

  @DeleteMapping("/{group}")
  ResponseEntity<Void> delete(@PathVariable String group) {
    management.delete(tenant.id(), group);
    return ResponseEntity.noContent().build();
  }

  /** 201 when the device joined the group, 204 when it was a member already. */
  @PutMapping("/{group}/members/{deviceId}")
  ResponseEntity<Void> addMember(@PathVariable String group, @PathVariable String deviceId) {
    boolean added = management.addMember(tenant.id(), group, deviceId);
    return added ? ResponseEntity.status(201).build() : ResponseEntity.noContent().build();
  }

  @PostMapping("/{group}/members")
  MembersAdded addMembers(@PathVariable String group, @RequestBody MembersRequest request) {
    return management.addMembers(tenant.id(), group, request.deviceIds());
  }

  @DeleteMapping("/{group}/members/{deviceId}")
  ResponseEntity<Void> removeMember(@PathVariable String group, @PathVariable String deviceId) {
    management.removeMember(tenant.id(), group, deviceId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{group}/devices")
  DevicePage devices(
      @PathVariable String group,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    return management.devices(tenant.id(), group, cursor, GroupValidation.limit(limit));
  }

  private static String etag(GroupResponse group) {
    return "\"" + group.version() + "\"";
  }
}
