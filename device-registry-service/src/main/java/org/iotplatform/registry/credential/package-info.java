/**
 * Device credentials: X.509 client certificates signed by the platform CA from a device's CSR,
 * bearer tokens stored as Argon2 hashes, rotation with an overlap window and revocation. Every
 * change reaches the device's snapshot on {@code iot.devices.v1}, where the bridge learns it.
 */
@NullMarked
package org.iotplatform.registry.credential;

import org.jspecify.annotations.NullMarked;
