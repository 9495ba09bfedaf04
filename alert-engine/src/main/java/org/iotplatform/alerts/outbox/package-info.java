/**
 * The transactional outbox of the rules: {@link org.iotplatform.alerts.outbox.Outbox} records a
 * Kafka record in the transaction of a change, and a relay sends the records in order, at least
 * once, retrying while Kafka is down.
 */
@NullMarked
package org.iotplatform.alerts.outbox;

import org.jspecify.annotations.NullMarked;
