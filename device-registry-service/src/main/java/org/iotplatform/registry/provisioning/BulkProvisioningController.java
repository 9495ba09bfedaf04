package org.iotplatform.registry.provisioning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.InputStream;
import org.iotplatform.registry.tenant.CurrentTenant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BulkProvisioningController {

  private final BulkProvisioningService service;
  private final CurrentTenant tenant;

  BulkProvisioningController(BulkProvisioningService service, CurrentTenant tenant) {
    this.service = service;
    this.tenant = tenant;
  }

  // The body is taken as a stream, not bound by a message converter, so that it is read line by
  // line while the batches are written; the Content-Type is checked here to answer a problem
  // that names the two formats.
  @Operation(
      summary = "Create or update many devices from an NDJSON or CSV stream",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = "application/x-ndjson",
                    schema = @Schema(type = "string", description = "one device JSON per line")),
                @Content(
                    mediaType = "text/csv",
                    schema =
                        @Schema(
                            type = "string",
                            description =
                                "header row id,type,name,firmwareVersion,lat,lon,label.<key>"))
              }))
  @PostMapping("/api/v1/devices:bulk")
  BulkReport importDevices(
      InputStream body,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false)
          @Nullable String contentType,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    BulkFormat format = BulkFormat.of(contentType);
    return service.importDevices(tenant.id(), body, format, dryRun);
  }
}
