package org.iotplatform.registry.audit;

import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.http.PageSize;
import org.iotplatform.registry.tenant.CurrentTenant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

  private final AuditTrail trail;
  private final CurrentTenant tenant;

  AuditController(AuditTrail trail, CurrentTenant tenant) {
    this.trail = trail;
    this.tenant = tenant;
  }

  /** A device's changes, newest first; readable after the device was deleted. */
  @GetMapping("/api/v1/devices/{id}/history")
  AuditPage history(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    return trail.history(
        tenant.id(), id, cursor, PageSize.of(limit, RegistryError.DEVICE_INVALID_FILTER));
  }
}
