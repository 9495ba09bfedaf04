/**
 * The Java device SDK. Today it holds the telemetry message format a device publishes; the
 * connecting client (reconnect, offline buffer, shadow, commands, OTA) arrives with the SDK issue.
 */
@NullMarked
package org.iotplatform.sdk;

import org.jspecify.annotations.NullMarked;
