/**
 * The shadow use cases: get, update and delete a shadow, whoever asks (a device over MQTT, an
 * operator over REST), and what each change announces: the device's answers and delta on {@code
 * iot.downlink.v1}, the change on {@code iot.shadow-changes.v1}.
 */
@NullMarked
package org.iotplatform.shadow.management;

import org.jspecify.annotations.NullMarked;
