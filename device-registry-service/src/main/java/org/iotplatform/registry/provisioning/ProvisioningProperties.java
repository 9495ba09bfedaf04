package org.iotplatform.registry.provisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of bulk provisioning, under {@code iot.registry.provisioning}.
 *
 * @param batchSize devices written in one transaction; a failure rolls back at most this many
 * @param maxLineSize longest line accepted (bytes, without the line break); longer lines fail
 * @param maxLines most device lines read from one request; the import stops after them
 * @param maxReportedFailures most failed lines listed in a report (all are counted), so that a file
 *     of bad lines does not make a huge answer
 */
@ConfigurationProperties("iot.registry.provisioning")
record ProvisioningProperties(
    @DefaultValue("1000") int batchSize,
    @DefaultValue("16KB") DataSize maxLineSize,
    @DefaultValue("100000") int maxLines,
    @DefaultValue("1000") int maxReportedFailures) {

  ProvisioningProperties {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    if (maxLineSize.toBytes() < 1 || maxLineSize.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxLineSize must be 1 B to 2 GB: " + maxLineSize);
    }
    if (maxLines < 1) {
      throw new IllegalArgumentException("maxLines must be at least 1: " + maxLines);
    }
    if (maxReportedFailures < 0) {
      throw new IllegalArgumentException(
          "maxReportedFailures must not be negative: " + maxReportedFailures);
    }
  }
}
