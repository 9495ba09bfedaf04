package org.iotplatform.registry;

import org.iotplatform.web.ErrorCode;
import org.iotplatform.web.ErrorSpec;
import org.springframework.http.HttpStatus;

/**
 * The registry's own error catalogue; the generic entries are service-web's {@code CommonError}.
 */
public enum RegistryError implements ErrorCode {
  DEVICE_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "device.not-found",
      "Device not found",
      "Check the device id; list the devices at /api/v1/devices."),
  DEVICE_DUPLICATE(
      HttpStatus.CONFLICT,
      "device.duplicate",
      "Device exists",
      "Choose another id, or update the existing device with PATCH."),
  DEVICE_INVALID_ID(
      HttpStatus.BAD_REQUEST,
      "device.invalid-id",
      "Invalid device id",
      "Use 1 to 64 of letters, digits, dot, underscore and dash."),
  DEVICE_INVALID(
      HttpStatus.BAD_REQUEST,
      "device.invalid",
      "Invalid device",
      "Correct the field named above and send the request again."),
  DEVICE_VERSION_CONFLICT(
      HttpStatus.PRECONDITION_FAILED,
      "device.version-conflict",
      "Device changed",
      "Read the device again and retry with its current ETag in If-Match."),
  DEVICE_INVALID_FILTER(
      HttpStatus.BAD_REQUEST,
      "device.invalid-filter",
      "Invalid device search",
      "Check the query parameters against the API description at /v3/api-docs."),
  PAGE_INVALID_CURSOR(
      HttpStatus.BAD_REQUEST,
      "page.invalid-cursor",
      "Invalid cursor",
      "Pass the nextCursor of the previous page unchanged, or start again without a cursor."),
  DEVICE_TYPE_UNKNOWN(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "device-type.unknown",
      "Unknown device type",
      "Create the device type first at /api/v1/device-types, or name an existing one."),
  DEVICE_TYPE_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "device-type.not-found",
      "Device type not found",
      "Check the name; list the device types at /api/v1/device-types."),
  DEVICE_TYPE_DUPLICATE(
      HttpStatus.CONFLICT,
      "device-type.duplicate",
      "Device type exists",
      "Choose another name, or delete the existing type first."),
  DEVICE_TYPE_IN_USE(
      HttpStatus.CONFLICT,
      "device-type.in-use",
      "Device type in use",
      "Delete the devices of this type, or move them to another type, first."),
  DEVICE_TYPE_INVALID(
      HttpStatus.BAD_REQUEST,
      "device-type.invalid",
      "Invalid device type",
      "Correct the field named above and send the request again."),
  DEVICE_TYPE_VERSION_CONFLICT(
      HttpStatus.CONFLICT,
      "device-type.version-conflict",
      "Device type changed meanwhile",
      "Read the device type again and repeat the change on its current state."),

  // Device groups (feature "group", with the group filter of the search and the fleet summary).
  GROUP_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "group.not-found",
      "Group not found",
      "Check the group's name or id; list the groups at /api/v1/groups."),
  GROUP_UNKNOWN(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "group.unknown",
      "Unknown group",
      "Name an existing group (by name or id); list the groups at /api/v1/groups."),
  GROUP_DUPLICATE(
      HttpStatus.CONFLICT,
      "group.duplicate",
      "Group exists",
      "Choose another name, or change the existing group with PATCH."),
  GROUP_INVALID(
      HttpStatus.BAD_REQUEST,
      "group.invalid",
      "Invalid group",
      "Correct the field named above and send the request again."),
  GROUP_NOT_STATIC(
      HttpStatus.CONFLICT,
      "group.not-static",
      "Group is dynamic",
      "A dynamic group's devices follow from its filter: change the filter, or use a static group."),
  GROUP_UNKNOWN_DEVICE(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "group.unknown-device",
      "Unknown device",
      "Create the devices first, or leave out the ids named above; nothing was added."),
  GROUP_VERSION_CONFLICT(
      HttpStatus.PRECONDITION_FAILED,
      "group.version-conflict",
      "Group changed",
      "Read the group again and retry with its current ETag in If-Match."),

  // Credentials: device certificates from CSRs, tokens, rotation and revocation.
  CREDENTIAL_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "credential.not-found",
      "Credential not found",
      "Check the credential id; list the device's credentials at"
          + " /api/v1/devices/{id}/credentials."),
  CREDENTIAL_INVALID_CSR(
      HttpStatus.BAD_REQUEST,
      "credential.invalid-csr",
      "Invalid certificate signing request",
      "Send a PEM PKCS#10 CSR ('BEGIN CERTIFICATE REQUEST') made and signed on the device with"
          + " its own key (EC P-256 or RSA of 2048 bits or more)."),
  CREDENTIAL_CSR_SUBJECT_MISMATCH(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "credential.csr-subject-mismatch",
      "CSR names another device",
      "Make the CSR's subject CN=<device id> of the device in the path, and only that CN."),
  CREDENTIAL_INVALID(
      HttpStatus.BAD_REQUEST,
      "credential.invalid",
      "Invalid credential request",
      "Correct the field named above and send the request again."),
  CREDENTIAL_INVALID_REPLACEMENT(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "credential.invalid-replacement",
      "Credential cannot be replaced",
      "Name in replaces the id of an unrevoked credential of the same kind of this device; list"
          + " them at /api/v1/devices/{id}/credentials."),

  // Bulk provisioning and Idempotency-Key (packages provisioning, idempotency). The line-level
  // codes appear in a bulk import's report, not as problem details; their status is unused.
  BULK_UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      "bulk.unsupported-media-type",
      "Unsupported bulk format",
      "Send application/x-ndjson (one device JSON per line) or text/csv (a header row first),"
          + " in UTF-8."),
  BULK_EMPTY(
      HttpStatus.BAD_REQUEST,
      "bulk.empty",
      "No devices",
      "Send at least one device line; blank lines and the CSV header row do not count."),
  BULK_INVALID_HEADER(
      HttpStatus.BAD_REQUEST,
      "bulk.invalid-header",
      "Invalid CSV header",
      "Start with a header row naming id and type, and any of name, firmwareVersion, lat, lon"
          + " and label.<key>, each once."),
  BULK_MALFORMED_LINE(
      HttpStatus.BAD_REQUEST,
      "bulk.malformed-line",
      "Malformed line",
      "Make the line one JSON object (NDJSON) or one CSV record with the header's columns, in"
          + " UTF-8."),
  BULK_LINE_TOO_LONG(
      HttpStatus.BAD_REQUEST,
      "bulk.line-too-long",
      "Line too long",
      "Shorten the line (labels and metadata are the usual culprits), or create this device"
          + " with POST /api/v1/devices."),
  BULK_DUPLICATE_ID(
      HttpStatus.BAD_REQUEST,
      "bulk.duplicate-id",
      "Duplicate device id in the file",
      "Keep one line per device id; the first line with an id is imported."),
  BULK_TOO_MANY_LINES(
      HttpStatus.CONTENT_TOO_LARGE,
      "bulk.too-many-lines",
      "Too many lines",
      "Split the file and send the lines from this one on in another request."),
  BULK_TYPE_CHANGE(
      HttpStatus.CONFLICT,
      "bulk.type-change",
      "Device has another type",
      "Keep the device's type in the line, or delete the device and import it again."),
  IDEMPOTENCY_INVALID_KEY(
      HttpStatus.BAD_REQUEST,
      "idempotency.invalid-key",
      "Invalid Idempotency-Key",
      "Send 1 to 255 visible ASCII characters, such as a UUID."),
  IDEMPOTENCY_KEY_REUSED(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "idempotency.key-reused",
      "Idempotency-Key used for another request",
      "Resend the original request unchanged, or use a new key for a new request."),
  IDEMPOTENCY_IN_PROGRESS(
      HttpStatus.CONFLICT,
      "idempotency.in-progress",
      "Request with this Idempotency-Key in progress",
      "Wait until the first request with this key has answered, then retry."),

  // Operator authentication (auth): API keys and the token exchange.
  AUTH_INVALID_API_KEY(
      HttpStatus.UNAUTHORIZED,
      "auth.invalid-api-key",
      "Invalid API key",
      "Send a working key as {\"apiKey\": \"iotk_...\"}; an admin lists and creates keys at"
          + " /api/v1/api-keys."),
  API_KEY_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "api-key.not-found",
      "API key not found",
      "Check the key id; list the keys at /api/v1/api-keys."),
  API_KEY_INVALID(
      HttpStatus.BAD_REQUEST,
      "api-key.invalid",
      "Invalid API key request",
      "Correct the field named above and send the request again.");

  private final ErrorSpec spec;

  RegistryError(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }
}
