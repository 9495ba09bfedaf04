package org.iotplatform.registry.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.device.CreateDeviceRequest;
import org.iotplatform.registry.device.DeviceBatchManagement;
import org.iotplatform.registry.device.DeviceUpsert;
import org.iotplatform.web.ApiException;
import org.iotplatform.web.CommonError;
import org.iotplatform.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a streamed body of devices: reads it line by line, reports the lines that cannot be
 * devices (malformed, too long, a device id seen earlier in the body) and writes the others in
 * batches of {@code batch-size}, each in its own transaction. A bad line never stops the others; a
 * failure of the store (a lost connection, say) ends the request with the batches before it
 * committed, which a retry of the same body finds unchanged.
 */
@Service
class BulkProvisioningService {

  private static final Logger log = LoggerFactory.getLogger(BulkProvisioningService.class);

  private final DeviceBatchManagement devices;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final ProvisioningProperties properties;

  BulkProvisioningService(
      DeviceBatchManagement devices,
      TransactionTemplate transactions,
      JsonMapper json,
      ProvisioningProperties properties) {
    this.devices = devices;
    this.transactions = transactions;
    this.json = json;
    this.properties = properties;
  }

  private record Pending(int line, CreateDeviceRequest device) {}

  /**
   * @param dryRun when true, every batch is written and rolled back: the report tells exactly what
   *     an import would do, and nothing (no device, no outbox record) is kept
   * @throws ApiException 400 {@code bulk.empty} when the body has no device line, 400 {@code
   *     bulk.invalid-header} for a bad CSV header row
   */
  BulkReport importDevices(String tenant, InputStream body, BulkFormat format, boolean dryRun) {
    BodyLines lines = new BodyLines(body, (int) properties.maxLineSize().toBytes());
    BulkReport.Builder report = new BulkReport.Builder(dryRun, properties.maxReportedFailures());
    LineParser parser = format == BulkFormat.NDJSON ? new NdjsonLineParser(json) : null;
    Map<String, Integer> firstLineOfId = new HashMap<>();
    List<Pending> batch = new ArrayList<>(properties.batchSize());
    try {
      for (BodyLines.Line line = lines.next(); line != null; line = lines.next()) {
        if (line.status() == BodyLines.Status.OK && line.text().isBlank()) {
          continue;
        }
        if (parser == null) {
          parser = csvHeader(line);
          continue;
        }
        report.line();
        if (report.lines() > properties.maxLines()) {
          report.failed(
              line.number(),
              null,
              RegistryError.BULK_TOO_MANY_LINES,
              "The import stops after "
                  + properties.maxLines()
                  + " device lines; this line and the rest were not read. "
                  + RegistryError.BULK_TOO_MANY_LINES.hint());
          report.truncated();
          break;
        }
        ParsedLine parsed = parse(parser, line);
        CreateDeviceRequest device = parsed.device();
        if (device == null) {
          report.failed(
              line.number(), parsed.id(), requireError(parsed), String.valueOf(parsed.message()));
          continue;
        }
        Integer first =
            device.id() == null ? null : firstLineOfId.putIfAbsent(device.id(), line.number());
        if (first != null) {
          report.failed(
              line.number(),
              device.id(),
              RegistryError.BULK_DUPLICATE_ID,
              "Line "
                  + first
                  + " has the same device id. "
                  + RegistryError.BULK_DUPLICATE_ID.hint());
          continue;
        }
        batch.add(new Pending(line.number(), device));
        if (batch.size() == properties.batchSize()) {
          write(tenant, batch, dryRun, report);
          batch.clear();
        }
      }
    } catch (IOException e) {
      throw new ApiException(
          CommonError.REQUEST_INVALID, "The body could not be read: " + e.getMessage(), e);
    }
    if (!batch.isEmpty()) {
      write(tenant, batch, dryRun, report);
    }
    if (report.lines() == 0) {
      throw new ApiException(RegistryError.BULK_EMPTY, "The body has no device line.");
    }
    return report.build();
  }

  private static CsvLineParser csvHeader(BodyLines.Line line) {
    if (line.status() != BodyLines.Status.OK) {
      throw new ApiException(
          RegistryError.BULK_INVALID_HEADER,
          "The header row (line " + line.number() + ") is too long or not UTF-8.");
    }
    return CsvLineParser.forHeader(line.text());
  }

  private ParsedLine parse(LineParser parser, BodyLines.Line line) {
    return switch (line.status()) {
      case OK -> parser.parse(line.text());
      case TOO_LONG ->
          ParsedLine.failed(
              null,
              RegistryError.BULK_LINE_TOO_LONG,
              "The line is longer than " + properties.maxLineSize().toBytes() + " bytes.");
      case NOT_UTF8 ->
          ParsedLine.failed(null, RegistryError.BULK_MALFORMED_LINE, "The line is not UTF-8.");
    };
  }

  private void write(
      String tenant, List<Pending> batch, boolean dryRun, BulkReport.Builder report) {
    List<CreateDeviceRequest> requests = batch.stream().map(Pending::device).toList();
    List<DeviceUpsert> outcomes;
    try {
      outcomes = writeOnce(tenant, requests, dryRun);
    } catch (DataIntegrityViolationException e) {
      // A device type deleted between the batch's check and its insert (the foreign key refused
      // the batch): once more, and the type now reads as unknown for its lines.
      log.info("Bulk import batch refused by a constraint, retrying once: {}", e.getMessage());
      outcomes = writeOnce(tenant, requests, dryRun);
    }
    for (int i = 0; i < batch.size(); i++) {
      Pending pending = batch.get(i);
      report.outcome(pending.line(), pending.device().id(), outcomes.get(i));
    }
  }

  private List<DeviceUpsert> writeOnce(
      String tenant, List<CreateDeviceRequest> requests, boolean dryRun) {
    List<DeviceUpsert> outcomes =
        transactions.execute(
            status -> {
              List<DeviceUpsert> written = devices.upsert(tenant, requests);
              if (dryRun) {
                status.setRollbackOnly();
              }
              return written;
            });
    if (outcomes == null) {
      throw new IllegalStateException("The batch transaction answered nothing");
    }
    return outcomes;
  }

  private static ErrorCode requireError(ParsedLine parsed) {
    ErrorCode error = parsed.error();
    if (error == null) {
      throw new IllegalStateException("A failed line without an error");
    }
    return error;
  }
}
