/**
 * The rules' use of the shared transactional outbox ({@code org.iotplatform.outbox}): its settings,
 * under {@code iot.alerts.outbox}, and the relay's lock.
 */
@NullMarked
package org.iotplatform.alerts.outbox;

import org.jspecify.annotations.NullMarked;
