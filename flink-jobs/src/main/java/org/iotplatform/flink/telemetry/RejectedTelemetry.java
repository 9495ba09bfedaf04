package org.iotplatform.flink.telemetry;

import org.iotplatform.contracts.KafkaHeaders;

/**
 * A record that failed validation, on its way to the dead-letter topic.
 *
 * @param record the record as it was read
 * @param code why it was rejected
 * @param detail what exactly was wrong, for a human
 */
public record RejectedTelemetry(TelemetryRecord record, RejectCode code, String detail) {

  /** The {@link KafkaHeaders#REJECT_REASON} header value: the stable code, a colon, the detail. */
  public String reason() {
    return code.code() + ": " + detail;
  }
}
