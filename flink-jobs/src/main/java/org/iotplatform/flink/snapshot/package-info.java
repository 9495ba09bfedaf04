/**
 * Reading the registry's compacted snapshot topics ({@code iot.devices.v1}, {@code
 * iot.device-types.v1}) into the job's state updates.
 */
@NullMarked
package org.iotplatform.flink.snapshot;

import org.jspecify.annotations.NullMarked;
