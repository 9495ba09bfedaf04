package org.iotplatform.shadow.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.iotplatform.shadow.document.ShadowRejectedException;
import org.iotplatform.shadow.document.ShadowRejection;
import org.iotplatform.shadow.fleet.FleetPage;
import org.iotplatform.shadow.fleet.FleetQuery;
import org.iotplatform.shadow.fleet.FleetQueryRepository;
import org.iotplatform.web.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fleet queries: the caller's tenant's shadows whose content matches a query, page by page. */
@RestController
@RequestMapping(path = "/api/v1/shadows", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Fleet queries")
class FleetController {

  private static final int MAX_LIMIT = 1000;

  private final FleetQueryRepository fleet;
  private final CurrentCaller caller;

  FleetController(FleetQueryRepository fleet, CurrentCaller caller) {
    this.fleet = fleet;
    this.caller = caller;
  }

  @GetMapping
  @Operation(
      summary = "Find shadows by content",
      description =
          "q: terms joined by AND, e.g. reported.firmware != desired.firmware AND"
              + " reported.mode = 'eco'; empty for every shadow. A page may be short, even empty,"
              + " and still have a nextCursor: keep asking until it is null.")
  FleetPageResponse find(
      @RequestParam(defaultValue = "") String q,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
          @Nullable String cursor,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ShadowRejectedException(
          ShadowRejection.INVALID_UPDATE, "limit must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
    FleetPage page = fleet.find(caller.get().tenant(), FleetQuery.parse(q), cursor, limit);
    return FleetPageResponse.of(page);
  }
}
