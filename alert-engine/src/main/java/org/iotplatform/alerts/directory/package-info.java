/**
 * The registry's devices and device types as its compacted topics tell them, kept in PostgreSQL so
 * that rules naming unknown devices or metrics are refused without a call to the registry. {@link
 * org.iotplatform.alerts.directory.DeviceDirectory} answers; a Kafka listener keeps it.
 */
@NullMarked
package org.iotplatform.alerts.directory;

import org.jspecify.annotations.NullMarked;
