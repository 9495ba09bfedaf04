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
