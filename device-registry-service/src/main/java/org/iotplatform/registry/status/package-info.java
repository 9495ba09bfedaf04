/**
 * Online status and last_seen of devices, from the bridge's records on {@code
 * iot.device-events.v1}, written to the devices table in coalesced batches.
 */
@NullMarked
package org.iotplatform.registry.status;

import org.jspecify.annotations.NullMarked;
