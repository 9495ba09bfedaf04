/**
 * The device side of shadows: requests from {@code iot.shadow.v1} (forwarded by the bridge from
 * {@code devices/{id}/shadow/...}), answers on {@code iot.downlink.v1}, and the delta pushed when a
 * device connects ({@code iot.device-events.v1}).
 */
@NullMarked
package org.iotplatform.shadow.device;

import org.jspecify.annotations.NullMarked;
