package org.iotplatform.query.telemetry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.iotplatform.web.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Telemetry", description = "Stored telemetry of devices")
class TelemetryController {

  private final TelemetryQueryParser parser;
  private final TelemetryReader reader;
  private final CurrentCaller caller;

  TelemetryController(TelemetryQueryParser parser, TelemetryReader reader, CurrentCaller caller) {
    this.parser = parser;
    this.reader = reader;
    this.caller = caller;
  }

  @GetMapping("/api/v1/devices/{deviceId}/telemetry")
  @Operation(
      summary = "Raw points of one metric of one device in a time range",
      description =
          "Points in [from, to), oldest first, of the caller's tenant only. A device or metric"
              + " that never sent anything, or a device of another tenant, gives an empty list.")
  TelemetrySeries telemetry(
      @PathVariable @Parameter(description = "Device id, 1 to 64 of [A-Za-z0-9._-]")
          String deviceId,
      @RequestParam @Parameter(description = "Metric name, 1 to 64 of [A-Za-z0-9._-]")
          String metric,
      @RequestParam
          @Parameter(
              description = "Start of the range, inclusive (ISO-8601 instant)",
              schema = @Schema(type = "string", format = "date-time"))
          String from,
      @RequestParam
          @Parameter(
              description = "End of the range, exclusive (ISO-8601 instant)",
              schema = @Schema(type = "string", format = "date-time"))
          String to,
      @RequestParam(required = false)
          @Parameter(description = "Most points to return; 1000 unless given, at most 10000")
          @Nullable Integer limit) {
    TelemetryQuery query = parser.parse(caller.get().tenant(), deviceId, metric, from, to, limit);
    return new TelemetrySeries(
        query.deviceId(), query.metric(), query.from(), query.to(), reader.read(query));
  }
}
