package org.iotplatform.registry.audit;

import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.tenant.CurrentTenant;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 500;

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
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new ApiException(
          RegistryError.DEVICE_INVALID_FILTER,
          "limit must be between 1 and " + MAX_LIMIT + ", not " + size + ".");
    }
    return trail.history(tenant.id(), id, cursor, size);
  }
}
