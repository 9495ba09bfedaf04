/**
 * Raw telemetry storage: the job that writes validated telemetry to InfluxDB (v1 API, line
 * protocol) and the Sink V2 implementation behind it.
 */
@NullMarked
package org.iotplatform.flink.storage;

import org.jspecify.annotations.NullMarked;
