/**
 * The Java device SDK: {@link org.iotplatform.sdk.DeviceClient} connects a device to the platform
 * over MQTT 5 (telemetry, status, commands, offline buffer, reconnect with back-off), {@link
 * org.iotplatform.sdk.TelemetryMessage} is the telemetry format. Everything under {@code
 * org.iotplatform.sdk.internal} may change without notice.
 */
@NullMarked
package org.iotplatform.sdk;

import org.jspecify.annotations.NullMarked;
