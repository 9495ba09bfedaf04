/**
 * What the alert evaluator hears from and about a device, as one keyed stream of {@link
 * DeviceSignal}: readings from telemetry and anomaly scores, status heartbeats and connection
 * events from {@code iot.device-events.v1} ({@link DeviceEventReader}), and registry snapshots and
 * tombstones from {@code iot.devices.v1}.
 */
@NullMarked
package org.iotplatform.flink.alerting.device;

import org.jspecify.annotations.NullMarked;
