/**
 * Downlink: records of {@code iot.downlink.v1} ({@code DownlinkMessage}) published to devices.
 * Every broker node reads the whole topic in a consumer group of its own and publishes a record
 * only to a device it holds a session of (ADR 0013).
 */
@NullMarked
package org.iotplatform.bridge.internal.downlink;

import org.jspecify.annotations.NullMarked;
