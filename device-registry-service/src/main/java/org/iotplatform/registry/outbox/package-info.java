/**
 * The registry's use of the shared transactional outbox ({@code org.iotplatform.outbox}): its
 * settings, under {@code iot.registry.outbox}, and the relay's lock.
 */
@NullMarked
package org.iotplatform.registry.outbox;

import org.jspecify.annotations.NullMarked;
