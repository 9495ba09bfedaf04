/**
 * The bridge's local view of every device's latest {@code DeviceSnapshot}, read from the compacted
 * topic {@code iot.devices.v1} (ADR 0006): what device authentication checks credentials against,
 * without asking the registry.
 */
@NullMarked
package org.iotplatform.bridge.internal.view;

import org.jspecify.annotations.NullMarked;
