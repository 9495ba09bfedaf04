package org.iotplatform.sdk;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A device's periodic status on {@code devices/{id}/status}, e.g. {@code
 * {"battery":87,"rssi":-70,"firmware":"2.4.1"}}. Absent parts are left out.
 *
 * @param battery battery level in percent (0-100)
 * @param rssi received signal strength in dBm
 * @param firmware the running firmware version
 */
public record Heartbeat(
    @Nullable Integer battery, @Nullable Integer rssi, @Nullable String firmware) {

  /** The UTF-8 JSON payload. */
  public byte[] toPayload() {
    StringBuilder json = new StringBuilder(64).append('{');
    if (battery != null) {
      json.append("\"battery\":").append(battery);
    }
    if (rssi != null) {
      json.append(json.length() > 1 ? "," : "").append("\"rssi\":").append(rssi);
    }
    if (firmware != null) {
      json.append(json.length() > 1 ? "," : "").append("\"firmware\":");
      JsonStrings.append(json, firmware);
    }
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }
}
