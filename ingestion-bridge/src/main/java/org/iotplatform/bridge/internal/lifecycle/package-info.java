/**
 * Lifecycle events: a record on {@code iot.device-events.v1} when a device connects and when its
 * connection ends, for the registry's online status and the offline detection.
 */
@NullMarked
package org.iotplatform.bridge.internal.lifecycle;

import org.jspecify.annotations.NullMarked;
