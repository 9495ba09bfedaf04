package org.iotplatform.registry.fleet;

import org.iotplatform.registry.tenant.CurrentTenant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/fleet")
class FleetSummaryController {

  private final FleetSummaryService service;
  private final CurrentTenant tenant;

  FleetSummaryController(FleetSummaryService service, CurrentTenant tenant) {
    this.service = service;
    this.tenant = tenant;
  }

  /** Counts of the tenant's devices, optionally of one type and/or one group (name or id). */
  @GetMapping("/summary")
  FleetSummary summary(
      @RequestParam(required = false) @Nullable String type,
      @RequestParam(required = false) @Nullable String group) {
    return service.summary(tenant.id(), blankToNull(type), blankToNull(group));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
